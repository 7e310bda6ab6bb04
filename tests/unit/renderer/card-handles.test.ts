// Where the arrows of a card never drawn attach (its handles from its estimated size
// and the CSS), and that React Flow's measured handles win once the card is drawn.
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import {
  estimatedCard,
  exitMarkerHandles,
  forgetEstimatesOfMeasured,
  isDrawnSize,
  outcomeHandles,
  stageHandles,
} from '../../../src-renderer/canvas/card-handles';
import type { MapFlowNode } from '../../../src-renderer/canvas/flow-types';

const byId = (handles: ReturnType<typeof stageHandles>) => new Map(handles.map((h) => [h.id, h]));

describe('card handles', () => {
  it('puts a 380 × 400 stage card’s handles where StageNode and its CSS draw them', () => {
    const h = byId(stageHandles({ width: 380, height: 400 }));
    // 18 px in/out handles centred on the sides at half height: (0, 200) and (380, 200).
    expect(h.get('in')).toEqual({ id: 'in', type: 'target', position: 'left', x: -9, y: 191, width: 18, height: 18 });
    expect(h.get('out')).toEqual({ id: 'out', type: 'source', position: 'right', x: 371, y: 191, width: 18, height: 18 });
    // 10 px loop handles centred on the bottom at 30 % (114) and 70 % (266) of the width.
    expect(h.get('loop-in')).toEqual({ id: 'loop-in', type: 'target', position: 'bottom', x: 109, y: 395, width: 10, height: 10 });
    expect(h.get('loop-out')).toEqual({ id: 'loop-out', type: 'source', position: 'bottom', x: 261, y: 395, width: 10, height: 10 });
    // The exits' spine: 26 px from the left on the top side.
    expect(h.get('exit-out')).toEqual({ id: 'exit-out', type: 'source', position: 'top', x: 21, y: -5, width: 10, height: 10 });
    expect(h.size).toBe(5);
  });

  it('puts an outcome’s handle mid height on its left, and an exit marker’s inside its 2 px border', () => {
    expect(outcomeHandles({ width: 240, height: 82 })).toEqual([{ id: 'in', type: 'target', position: 'left', x: -9, y: 32, width: 18, height: 18 }]);
    // Padding box 40 high starting 2 px in: centre (2, 22).
    expect(exitMarkerHandles({ width: 150, height: 44 })).toEqual([{ id: 'in', type: 'target', position: 'left', x: -3, y: 17, width: 10, height: 10 }]);
  });

  it('counts an estimated card as measured (React Flow then neither draws it to measure nor holds Fit back)', () => {
    const card = estimatedCard({ width: 380, height: 400 }, stageHandles);
    // Half a pixel wider than any drawn card can be (React Flow measures whole pixels), so drawing it always reports its size.
    expect(card.measured).toEqual({ width: 380.5, height: 400 });
    expect(Number.isInteger(card.measured!.width)).toBe(false);
    // The handles are where the card of the estimated size has them.
    expect(card.handles).toEqual(stageHandles({ width: 380, height: 400 }));
  });
});

describe('forgetEstimatesOfMeasured', () => {
  const stage = (id: string, height: number): MapFlowNode =>
    ({ id, type: 'stage', position: { x: 0, y: 0 }, data: {}, ...estimatedCard({ width: 380, height }, stageHandles) }) as unknown as MapFlowNode;

  it('drops the estimated handles of the cards React Flow just measured, and only theirs', () => {
    const nodes = [stage('a', 400), stage('b', 400)];
    const changes: NodeChange<MapFlowNode>[] = [{ id: 'a', type: 'dimensions', dimensions: { width: 380, height: 512 } }];
    const next = forgetEstimatesOfMeasured(applyNodeChanges(changes, nodes), changes);
    expect(next[0]!.measured).toEqual({ width: 380, height: 512 });
    expect(next[0]!.handles).toBeUndefined();
    expect('handles' in next[0]!).toBe(false);
    expect(isDrawnSize(next[0]!)).toBe(true);
    expect(next[1]).toBe(nodes[1]);
    expect(isDrawnSize(next[1]!)).toBe(false);
  });

  it('returns the same array when nothing was measured (a move or a selection)', () => {
    const nodes = [stage('a', 400)];
    const changes: NodeChange<MapFlowNode>[] = [{ id: 'a', type: 'select', selected: true }];
    const applied = applyNodeChanges(changes, nodes);
    expect(forgetEstimatesOfMeasured(applied, changes)).toBe(applied);
    expect(applied[0]!.handles).toHaveLength(5);
  });

  it('ignores a measure of a card that is gone', () => {
    const nodes = [stage('a', 400)];
    const changes: NodeChange<MapFlowNode>[] = [{ id: 'gone', type: 'dimensions', dimensions: { width: 10, height: 10 } }];
    expect(forgetEstimatesOfMeasured(nodes, changes)).toEqual(nodes);
  });
});
