// A page chunk loads once, is at hand synchronously once loaded (so the page renders
// without a Suspense fallback), and after a failed load the next attempt tries again.
import { describe, expect, it } from 'vitest';
import { pageChunk, preload } from '../../../src-renderer/lib/page-chunk';

describe('pageChunk', () => {
  it('loads the chunk once, however often it is asked for, and has it at hand afterwards', async () => {
    let imports = 0;
    const page = { EditorPage: 'editor' };
    const chunk = pageChunk(async () => {
      imports++;
      return page;
    });
    expect(chunk.loaded()).toBeNull();
    const [a, b] = await Promise.all([chunk.load(), chunk.load()]);
    expect(a).toBe(page);
    expect(b).toBe(page);
    expect(chunk.loaded()).toBe(page);
    await chunk.load();
    expect(imports).toBe(1);
  });

  it('tries again after a failed load, and reports the failure to whoever asked', async () => {
    let attempt = 0;
    const chunk = pageChunk(async () => {
      attempt++;
      if (attempt === 1) throw new Error('chunk missing');
      return { ok: true };
    });
    await expect(chunk.load()).rejects.toThrow('chunk missing');
    expect(chunk.loaded()).toBeNull();
    await expect(chunk.load()).resolves.toEqual({ ok: true });
    expect(attempt).toBe(2);
  });

  it('preloading swallows a failure (the page that shows the chunk reports it) and loads for later', async () => {
    const failing = pageChunk(() => Promise.reject(new Error('offline')));
    preload(failing);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failing.loaded()).toBeNull();
    const working = pageChunk(async () => 'page');
    preload(working);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(working.loaded()).toBe('page');
  });
});
