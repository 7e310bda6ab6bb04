// What the in-page probe (probe.ts) offers the harness as `window.__canvasBench`.

/** What counts as painted: the map's cards, or any element matching a selector (the library's rows). */
export type PaintWatch = { kind: 'map' } | { kind: 'selector'; selector: string };

export interface Point {
  x: number;
  y: number;
}

export interface FrameRecord {
  /** Milliseconds between consecutive animation frames. */
  gaps: number[];
  /** Durations of the long tasks (over 50 ms) that overlapped the recording. */
  longTasks: number[];
  /** From the start of the recording to its first frame. */
  firstFrameAfterStart: number | null;
}

export interface CanvasBenchProbe {
  /** When the first cards were painted (epoch ms) and how many cards were in the DOM then. */
  painted(): { at: number; cards: number } | null;
  startFrames(): void;
  stopFrames(): FrameRecord;
  /** Records the frames for `windowMs` after the next mouseup, starting at the mouseup. */
  armDropWatch(windowMs: number): void;
  /** The drop window's frames once it has passed, else null. */
  dropResult(): FrameRecord | null;
  /** Records, for every mouse move, the time from the event to the frame after it. */
  startInputLatency(): void;
  /** Records, for every key pressed, the time from the keydown to the frame after it (typing into a field). */
  startKeyLatency(): void;
  /** Resolves once every move (or key) seen so far has been painted. */
  stopInputLatency(): Promise<number[]>;
  now(): number;
  zoom(): number | null;
  viewportTransform(): string;
  paneBox(): { x: number; y: number; width: number; height: number } | null;
  mountedCounts(): { cards: number; arrows: number };
  emptyPanePoint(): Point | null;
  cardGrabPoint(): Point | null;
  cardNearCentre(): Point | null;
}
