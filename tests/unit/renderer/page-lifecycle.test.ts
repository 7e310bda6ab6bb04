// The page events the saver listens to: hidden (tab switched, page left) and
// closing; only the browser is asked to confirm closing with edits pending —
// Electron would silently cancel the close instead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPageLifecycle } from '../../../src-renderer/store/saver';

afterEach(() => vi.unstubAllGlobals());

function fakePage(options: { electron?: boolean } = {}) {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as 'visible' | 'hidden' });
  const win = Object.assign(new EventTarget(), options.electron ? { leanmap: {} } : {});
  vi.stubGlobal('document', doc);
  vi.stubGlobal('window', win);
  const closing = () => {
    const event = new Event('beforeunload', { cancelable: true });
    win.dispatchEvent(event);
    return event.defaultPrevented;
  };
  return { doc, win, closing };
}

describe('browserPageLifecycle', () => {
  it('reports the page hidden on visibilitychange to hidden and on pagehide, not on becoming visible', () => {
    const { doc, win } = fakePage();
    const hidden = vi.fn();
    browserPageLifecycle.watch({ hidden, beforeUnload: () => false });
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(hidden).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    expect(hidden).toHaveBeenCalledTimes(2);
  });

  it('asks the browser to confirm closing only when edits are pending', () => {
    const { closing } = fakePage();
    let pending = false;
    browserPageLifecycle.watch({ hidden: () => undefined, beforeUnload: () => pending });
    expect(closing()).toBe(false);
    pending = true;
    expect(closing()).toBe(true);
  });

  it('never holds up closing the desktop window, but still saves', () => {
    const { closing } = fakePage({ electron: true });
    const beforeUnload = vi.fn(() => true);
    browserPageLifecycle.watch({ hidden: () => undefined, beforeUnload });
    expect(closing()).toBe(false);
    expect(beforeUnload).toHaveBeenCalledTimes(1);
  });

  it('stops listening when stopped', () => {
    const { doc, win, closing } = fakePage();
    const hidden = vi.fn();
    const beforeUnload = vi.fn(() => true);
    const stop = browserPageLifecycle.watch({ hidden, beforeUnload });
    stop();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    expect(closing()).toBe(false);
    expect(hidden).not.toHaveBeenCalled();
    expect(beforeUnload).not.toHaveBeenCalled();
  });
});
