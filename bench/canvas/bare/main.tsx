// A bare React Flow 12 page of a map, for the canvas benchmark's side-by-side
// figures. Query: ?n=<stages> (loads graph-<n>.json), &culled=1 for
// onlyRenderVisibleElements, &w=&h= for the canvas size in pixels (the editor's).
import { Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot } from 'react-dom/client';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { BareOutcome, BareStage } from './cards';
import { toFlow } from './to-flow';

const nodeTypes = { stage: BareStage, outcome: BareOutcome };
const params = new URLSearchParams(window.location.search);
const culled = params.get('culled') === '1';
const root = document.getElementById('root')!;
root.style.width = `${Number(params.get('w')) || window.innerWidth}px`;
root.style.height = `${Number(params.get('h')) || window.innerHeight}px`;

async function main(): Promise<void> {
  const response = await fetch(`./graph-${params.get('n')}.json`);
  const { nodes, edges } = toFlow((await response.json()) as MapDocument);
  createRoot(root).render(
    <ReactFlowProvider>
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        nodeTypes={nodeTypes}
        onlyRenderVisibleElements={culled}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.15 }}
        proOptions={{ hideAttribution: true }}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </ReactFlowProvider>,
  );
}

void main();
