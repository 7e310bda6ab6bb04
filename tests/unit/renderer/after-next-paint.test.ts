// Work that waits for the next painted frame (a big map's whole map after its first
// frame, the analysis hand-over): in the idle time after that frame, or soon after it,
// and in a hidden tab, which paints no frames, after a quarter second.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src-renderer/lib/after-next-paint';

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function withFrames(idle: boolean) {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    const idles: { run: () => void; timeout: number | undefined }[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('requestIdleCallback', idle ? (run: () => void, options?: { timeout?: number }) => idles.push({ run, timeout: options?.timeout }) : undefined);
    return { frames, idles };
  }

  it('runs the work once, in the idle time after the next frame, waiting for it at most a tenth of a second', () => {
    const { frames, idles } = withFrames(true);
    const work = vi.fn();
    afterNextPaint(work);
    expect(idles).toHaveLength(0);
    frames.shift()!(0);
    expect(work).not.toHaveBeenCalled();
    expect(idles[0]!.timeout).toBe(100);
    idles[0]!.run();
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(300);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('without idle callbacks, runs the work in a task after the frame', () => {
    const { frames } = withFrames(false);
    const work = vi.fn();
    afterNextPaint(work);
    frames.shift()!(0);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('in a hidden tab, which paints no frame, runs the work after a quarter second', () => {
    withFrames(true);
    const work = vi.fn();
    afterNextPaint(work);
    vi.advanceTimersByTime(249);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
