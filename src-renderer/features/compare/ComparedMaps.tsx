// Both maps side by side, drawn as the report draws them (the same SVG writer, the
// same + / − / Δ marks), with one shared pan and zoom: drag either pane to pan, wheel
// to zoom, and the stepper's focus centres the change in both.
//
// Why the report's SVG and not two read-only React Flow canvases: the marks, the card
// layout and the arrows are then exactly what the leader's report shows; a second and
// third React Flow instance would mount every card twice more beside the editor's; and a
// static drawing cannot be edited by accident.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { ReportComparisonMap } from '../../../src-shared/domain/report/comparison';
import type { ReportMap } from '../../../src-shared/domain/report/report-model';
import { renderMapSvg } from '../../../src-shared/domain/report/svg-writer';
import type { TextMetrics } from '../../../src-shared/domain/report/text-metrics';
import { fitView, focusView, panBy, unionBox, zoomAt, type Box, type View } from './view-sync';

interface ComparedMapsProps {
  before: ReportComparisonMap;
  after: ReportComparisonMap;
  metrics: TextMetrics;
  /** The node or transition ids in focus on each map (null: nothing there). */
  focus: { before: string | null; after: string | null } | null;
  /** Changes when the compared pair changes, so the view fits again. */
  pairKey: string;
}

/** Where an id is drawn: a card's box, or a small box round an arrow's label. */
function boxOf(map: ReportMap, id: string | null): Box | null {
  if (id === null) return null;
  const node = map.nodes.find((n) => n.id === id);
  if (node) return { x: node.x, y: node.y, width: node.width, height: node.height };
  const edge = map.edges.find((e) => e.id === id);
  return edge ? { x: edge.labelX - 60, y: edge.labelY - 30, width: 120, height: 60 } : null;
}

/** An arrow's label is small: focus on it with the cards either side in view. */
const withContext = (b: Box | null): Box | null =>
  b && b.width < 200 ? { x: b.x + b.width / 2 - 300, y: b.y + b.height / 2 - 150, width: 600, height: 300 } : b;

export function ComparedMaps({ before, after, metrics, focus, pairKey }: ComparedMapsProps) {
  const box = useMemo(() => unionBox(before.map, after.map), [before.map, after.map]);
  const svgs = useMemo(() => {
    const draw = (side: ReportComparisonMap) =>
      renderMapSvg({ ...side.map, ...box }, { metrics, draft: false, inline: true, title: side.versionName, marks: side.marks });
    return { before: draw(before), after: draw(after) };
  }, [before, after, box, metrics]);
  const paneRef = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState({ width: 600, height: 400 });
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 0.3 });
  const drag = useRef<{ x: number; y: number } | null>(null);

  useLayoutEffect(() => {
    const el = paneRef.current;
    if (!el) return;
    const measure = () => setPane({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new pair or a resized pane starts from the whole drawing, then centres the change in focus.
  const target = focus ? withContext(boxOf(after.map, focus.after) ?? boxOf(before.map, focus.before)) : null;
  useEffect(() => {
    const whole = fitView(box, pane);
    setView(target ? focusView(whole, box, target, pane) : whole);
  }, [pairKey, pane.width, pane.height, target?.x, target?.y, target?.width, target?.height]); // eslint-disable-line react-hooks/exhaustive-deps

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  const panesRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = panesRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const paneEl = (e.target as HTMLElement).closest('.compare-pane');
      const r = (paneEl ?? el).getBoundingClientRect();
      setView((v) => zoomAt(v, Math.exp(-e.deltaY * 0.0015), { x: e.clientX - r.left, y: e.clientY - r.top }));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const dx = e.clientX - drag.current.x;
    const dy = e.clientY - drag.current.y;
    drag.current = { x: e.clientX, y: e.clientY };
    setView((v) => panBy(v, dx, dy));
  };
  const onPointerUp = () => (drag.current = null);

  const transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  const highlight = (map: ReportMap, id: string | null) => {
    const b = boxOf(map, id);
    return b ? <div className="compare-focus" style={{ left: b.x - box.x - 14, top: b.y - box.y - 14, width: b.width + 28, height: b.height + 28 }} /> : null;
  };

  return (
    // A wide map is drawn one above the other (each stage right above its counterpart, and
    // twice the size a half-width pane would give); a tall one side by side.
    <div className={`compare-maps${box.width > box.height * 1.2 ? ' compare-maps-stacked' : ''}`} ref={panesRef}>
      {(['before', 'after'] as const).map((side) => {
        const m = side === 'before' ? before : after;
        return (
          <section key={side} className="compare-map" aria-label={`${side === 'before' ? 'Before' : 'After'}: ${m.versionName}`}>
            <h3 className="compare-map-title">
              {side === 'before' ? 'Before' : 'After'}: {m.versionName}
            </h3>
            <div
              className="compare-pane"
              ref={side === 'before' ? paneRef : undefined}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              data-testid={`compare-map-${side}`}
            >
              <div className="compare-drawing" style={{ transform, width: box.width, height: box.height }}>
                <div dangerouslySetInnerHTML={{ __html: svgs[side] }} />
                {focus && highlight(m.map, focus[side])}
              </div>
            </div>
          </section>
        );
      })}
      <div className="compare-zoom" role="group" aria-label="Zoom both maps">
        <button type="button" className="btn btn-small" onClick={() => setView((v) => zoomAt(v, 1.25, { x: pane.width / 2, y: pane.height / 2 }))} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="btn btn-small" onClick={() => setView((v) => zoomAt(v, 0.8, { x: pane.width / 2, y: pane.height / 2 }))} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="btn btn-small" onClick={() => setView(fitView(box, pane))}>
          Fit
        </button>
      </div>
    </div>
  );
}
