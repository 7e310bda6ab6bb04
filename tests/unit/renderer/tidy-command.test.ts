// Tidy layout is worked out asynchronously (elkjs loads on first use; a long journey
// takes a moment): while it runs the window says so, a second press is ignored rather
// than laying the map out twice, and each finished run is counted (the canvas shows the
// count, which the e2e tests wait for instead of guessing when the layout has landed).
import { describe, expect, it, vi } from 'vitest';
import { createUiStore } from '../../../src-renderer/store/ui-store';
import { loadedStore } from './saver-harness';

let finishLayout: (positions: Map<string, { x: number; y: number }>) => void = () => {};
let failLayout: (error: Error) => void = () => {};
let layouts = 0;
vi.mock('../../../src-renderer/canvas/auto-layout', () => ({
  layoutMap: () => {
    layouts += 1;
    return new Promise((resolve, reject) => {
      finishLayout = resolve;
      failLayout = reject;
    });
  },
}));

const { autoLayoutCommand } = await import('../../../src-renderer/features/editor/editor-commands');

describe('Tidy layout (L)', () => {
  it('says it is tidying, ignores a second press meanwhile, then moves the cards and counts the run', async () => {
    const document = loadedStore();
    const ui = createUiStore();
    const first = autoLayoutCommand({ document, ui }, null);
    expect(ui.getState()).toMatchObject({ tidying: true, tidyRuns: 0 });

    await autoLayoutCommand({ document, ui }, null);
    expect(layouts).toBe(1);

    finishLayout(new Map([['stage-a', { x: 480, y: 120 }]]));
    await first;
    expect(ui.getState()).toMatchObject({ tidying: false, tidyRuns: 1 });
    expect(document.getState().history?.doc.stages[0]?.position).toEqual({ x: 480, y: 120 });
  });

  it('ends the tidying state when the layout fails, so Tidy can be pressed again', async () => {
    const document = loadedStore();
    const ui = createUiStore();
    const run = autoLayoutCommand({ document, ui }, null);
    failLayout(new Error('The layout could not be worked out.'));
    await expect(run).rejects.toThrow();
    expect(ui.getState().tidying).toBe(false);
  });
});
