// Runs inside the measured page (the Leanmap editor and the bare React Flow page
// alike), injected before any of the page's own scripts. It only watches: frame
// times with requestAnimationFrame, long tasks, the time from a mouse move to the
// frame that shows it, and when the first cards were painted. The harness reads
// it through `window.__canvasBench` (see probe-api.ts for the shape).
import type { CanvasBenchProbe, FrameRecord, PaintWatch } from './probe-api';

/** Epoch milliseconds (comparable with the harness's Date.now()), high resolution. */
const epochNow = (): number => performance.timeOrigin + performance.now();

/** Calls `done` once the frame after this point has been rendered (rAF, then a task after the frame). */
function afterNextPaint(done: (at: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.width > 0 && a.height > 0 && a.right > b.left && a.left < b.right && a.bottom > b.top && a.top < b.bottom;
}

/**
 * Cards are painted when a React Flow card is visible on the canvas (React Flow
 * keeps cards hidden until it has measured them). A canvas layer drawn in place of
 * DOM cards counts too, so that an overview drawn without DOM cards is still seen
 * as painted: one inside the flow's viewport, or Leanmap's overview layer (a
 * `data-overview-layer` canvas over the pane, drawn as soon as it is mounted).
 */
function mapPainted(): boolean {
  const flow = document.querySelector('.react-flow');
  if (!flow) return false;
  const box = flow.getBoundingClientRect();
  for (const node of flow.querySelectorAll<HTMLElement>('.react-flow__node')) {
    if (node.style.visibility === 'hidden') continue;
    if (intersects(node.getBoundingClientRect(), box)) return true;
  }
  const layer = flow.querySelector('.react-flow__viewport canvas, canvas[data-overview-layer]');
  return layer !== null && intersects(layer.getBoundingClientRect(), box);
}

function install(): CanvasBenchProbe {
  const watch: PaintWatch = (window as unknown as { __canvasBenchWatch?: PaintWatch }).__canvasBenchWatch ?? { kind: 'map' };
  const state: { paintedAt: number | null; paintedCards: number } = { paintedAt: null, paintedCards: 0 };
  const isPainted = watch.kind === 'map' ? mapPainted : () => document.querySelector(watch.selector) !== null;

  // Checked at the start of every frame: whatever is in the DOM then is painted in this frame.
  const poll = () => {
    if (state.paintedAt !== null) return;
    if (isPainted()) {
      state.paintedCards = document.querySelectorAll('.react-flow__node').length;
      afterNextPaint(() => (state.paintedAt = epochNow()));
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);

  // Long tasks since the page started (kept bounded).
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (longTasks.length < 10_000) longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the frame gaps still show long frames.
  }

  let frames: { times: number[]; since: number; running: boolean } | null = null;

  let inputs: { latencies: number[]; pending: number; type: 'pointermove' | 'keydown'; listener: (e: Event) => void } | null = null;
  /** Listens to `type` (capture, before the page's own handlers), timing each event to the frame after it. */
  const watchInputs = (type: 'pointermove' | 'keydown') => {
    const record = { latencies: [] as number[], pending: 0, type, listener: (_: Event) => {} };
    record.listener = (e: Event) => {
      const input = e.timeStamp;
      record.pending++;
      afterNextPaint((at) => {
        record.latencies.push(at - input);
        record.pending--;
      });
    };
    window.addEventListener(type, record.listener, { capture: true });
    inputs = record;
  };
  // After a drop: the gap from the mouse going up to the first frame, then every
  // frame gap, for a fixed window (started by the mouseup itself, so nothing is missed).
  let drop: { armed: boolean; times: number[]; since: number; until: number; done: boolean } | null = null;
  let dropWindowMs = 1000;
  const dropTick = (time: number) => {
    if (!drop || drop.done) return;
    drop.times.push(time);
    if (time - drop.since >= dropWindowMs) {
      drop.until = performance.now();
      drop.done = true;
      return;
    }
    requestAnimationFrame(dropTick);
  };
  window.addEventListener(
    'mouseup',
    (e) => {
      if (!drop?.armed) return;
      drop.armed = false;
      drop.since = e.timeStamp;
      drop.times = [e.timeStamp];
      requestAnimationFrame(dropTick);
    },
    { capture: true },
  );

  return {
    painted: () => (state.paintedAt === null ? null : { at: state.paintedAt, cards: state.paintedCards }),
    startFrames() {
      if (frames) frames.running = false;
      // Each recording has its own loop, ended with it, so one frame is never counted twice.
      const record = { times: [] as number[], since: performance.now(), running: true };
      const tick = (time: number) => {
        if (!record.running) return;
        record.times.push(time);
        requestAnimationFrame(tick);
      };
      frames = record;
      requestAnimationFrame(tick);
    },
    stopFrames(): FrameRecord {
      const record = frames ?? { times: [], since: performance.now(), running: false };
      record.running = false;
      frames = null;
      const gaps: number[] = [];
      for (let i = 1; i < record.times.length; i++) gaps.push(record.times[i]! - record.times[i - 1]!);
      const end = performance.now();
      const tasks = longTasks.filter((t) => t.start + t.duration >= record.since && t.start <= end).map((t) => t.duration);
      return { gaps, longTasks: tasks, firstFrameAfterStart: record.times.length ? record.times[0]! - record.since : null };
    },
    armDropWatch(windowMs: number) {
      drop = { armed: true, times: [], since: 0, until: 0, done: false };
      dropWindowMs = windowMs;
    },
    dropResult(): FrameRecord | null {
      if (!drop?.done) return null;
      const gaps: number[] = [];
      for (let i = 1; i < drop.times.length; i++) gaps.push(drop.times[i]! - drop.times[i - 1]!);
      const { since, until } = drop;
      const tasks = longTasks.filter((t) => t.start + t.duration >= since && t.start <= until).map((t) => t.duration);
      return { gaps, longTasks: tasks, firstFrameAfterStart: drop.times.length > 1 ? drop.times[1]! - since : null };
    },
    startInputLatency() {
      // pointermove comes first for each mouse move and, unlike mousemove, is not
      // stopped by d3-drag (React Flow's drag), so every move is seen.
      watchInputs('pointermove');
    },
    startKeyLatency() {
      // keydown: the field's input event and React's render of it follow in the same task.
      watchInputs('keydown');
    },
    // Resolves once every move seen so far has been painted (or after 5 s), so slow frames are not left out.
    async stopInputLatency() {
      const record = inputs;
      if (!record) return [];
      inputs = null;
      window.removeEventListener(record.type, record.listener, { capture: true });
      const giveUp = performance.now() + 5000;
      while (record.pending > 0 && performance.now() < giveUp) await new Promise((done) => setTimeout(done, 10));
      return record.latencies;
    },
    now: () => performance.now(),
    zoom() {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      const match = viewport && /scale\(\s*([\d.e-]+)\s*\)/.exec(viewport.style.transform);
      return match ? Number(match[1]) : null;
    },
    viewportTransform: () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
    paneBox() {
      const flow = document.querySelector('.react-flow');
      if (!flow) return null;
      const r = flow.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    // DOM cards and arrows only: an overview layer's boxes are pixels, not mounted cards.
    mountedCounts: () => ({
      cards: document.querySelectorAll('.react-flow__node').length,
      arrows: document.querySelectorAll('.react-flow__edge').length,
    }),
    /** An empty spot of the canvas near its centre (dragging there pans). */
    emptyPanePoint() {
      const flow = document.querySelector('.react-flow');
      if (!flow) return null;
      const r = flow.getBoundingClientRect();
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      const candidates: { x: number; y: number; d: number }[] = [];
      for (let y = r.y + 20; y < r.bottom - 20; y += 10) {
        for (let x = r.x + 20; x < r.right - 20; x += 10) candidates.push({ x, y, d: (x - cx) ** 2 + (y - cy) ** 2 });
      }
      candidates.sort((a, b) => a.d - b.d);
      for (const c of candidates) {
        const hit = document.elementFromPoint(c.x, c.y);
        if (hit?.classList.contains('react-flow__pane')) return { x: c.x, y: c.y };
      }
      return null;
    },
    /**
     * A spot to grab a stage card by, on the card nearest the canvas centre: on the
     * card itself, not on a handle, a button, a field or anything marked nodrag.
     */
    cardGrabPoint() {
      const flow = document.querySelector('.react-flow');
      if (!flow) return null;
      const r = flow.getBoundingClientRect();
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      const cards = [...flow.querySelectorAll<HTMLElement>('.react-flow__node-stage')]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.left > r.left + 10 && box.right < r.right - 10 && box.top > r.top + 10 && box.top + 40 < r.bottom)
        .sort((a, b) => (a.box.x + a.box.width / 2 - cx) ** 2 + (a.box.y - cy) ** 2 - ((b.box.x + b.box.width / 2 - cx) ** 2 + (b.box.y - cy) ** 2));
      for (const { el, box } of cards) {
        for (let y = box.top + 6; y < Math.min(box.bottom, r.bottom) - 6; y += 6) {
          for (let x = box.left + box.width / 2; x < box.right - 10; x += 10) {
            const hit = document.elementFromPoint(x, y);
            if (!hit || !el.contains(hit)) continue;
            if (hit.closest('.nodrag, .react-flow__handle, button, input, textarea, select, [contenteditable="true"]')) continue;
            return { x, y };
          }
        }
      }
      return null;
    },
    /** A stage card's centre near the canvas centre (zooming there keeps cards on screen). */
    cardNearCentre() {
      const flow = document.querySelector('.react-flow');
      if (!flow) return null;
      const r = flow.getBoundingClientRect();
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      let best: { x: number; y: number; d: number } | null = null;
      for (const el of flow.querySelectorAll<HTMLElement>('.react-flow__node-stage')) {
        const b = el.getBoundingClientRect();
        const x = b.x + b.width / 2;
        const y = b.y + b.height / 2;
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (b.width > 0 && (!best || d < best.d)) best = { x, y, d };
      }
      // Drawn by an overview layer (no DOM cards): the canvas centre, where a fitted map has its cards.
      if (!best && flow.querySelector('canvas[data-overview-layer]')) return { x: cx, y: cy };
      return best && { x: best.x, y: best.y };
    },
  };
}

(window as unknown as { __canvasBench: CanvasBenchProbe }).__canvasBench = install();
