// The arrowhead every arrow of the map ends in, defined once per canvas. Given to React
// Flow as an object (its usual way), the marker is worked out again for every arrow on
// every change of the edge list (createMarkerIds: a sorted key string per arrow, some
// 1,500 on a 1,000-stage map); named by id, React Flow only points at it. Drawn as React
// Flow draws its ArrowClosed marker, with its classes, so its styles still apply.
import { useId } from 'react';

/** React Flow's defaultMarkerColor, the colour its own markers had. */
const ARROW_COLOUR = '#b1b1b7';

/** This canvas's marker id: unique in the page (two canvases side by side, one of them hidden, each keeps its arrows). */
export function useArrowMarkerId(): string {
  return `leanmap-arrow-${useId().replace(/[^\w-]/g, '')}`;
}

export function ArrowMarker({ id }: { id: string }) {
  return (
    <svg className="react-flow__marker" aria-hidden="true" style={{ position: 'absolute', width: 0, height: 0 }}>
      <defs>
        <marker className="react-flow__arrowhead" id={id} markerWidth="22" markerHeight="22" viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
          <polyline
            className="arrowclosed"
            style={{ strokeWidth: 1, stroke: ARROW_COLOUR, fill: ARROW_COLOUR }}
            strokeLinecap="round"
            strokeLinejoin="round"
            points="-5,-4 0,0 -5,4 -5,-4"
          />
        </marker>
      </defs>
    </svg>
  );
}
