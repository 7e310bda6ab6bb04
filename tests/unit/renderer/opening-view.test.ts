// Where a map opens (src-renderer/canvas/opening-view.ts): the view last worked at on
// that version, else fitted, else at a working zoom at the map's start.
import { describe, expect, it } from 'vitest';
import { MIN_FIT_ZOOM, WORKING_ZOOM, boundsOf, openingViewport, rememberViewport, rememberedViewport } from '../../../src-renderer/canvas/opening-view';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('the opening view', () => {
  it('fits a map that is readable fitted, 15 % padding each side: 1000 × 500 on a 1300 × 650 screen at zoom 1, centred', () => {
    const v = openingViewport({ x: 0, y: 0, width: 1000, height: 500 }, { width: 1300, height: 650 });
    expect(v.zoom).toBeCloseTo(1);
    expect(v.x).toBeCloseTo(150);
    expect(v.y).toBeCloseTo(75);
    // Twice as big: half the zoom, still centred.
    const big = openingViewport({ x: 100, y: 0, width: 2000, height: 1000 }, { width: 1300, height: 650 });
    expect(big).toEqual({ x: 650 - 1100 * 0.5, y: 325 - 500 * 0.5, zoom: 0.5 });
  });

  it('opens a map too big to fit at the canvas’s least zoom at the working zoom, its top left corner 40 px in', () => {
    // 56,000 map units wide on 1300 px: it would need zoom 0.018.
    const v = openingViewport({ x: -100, y: 200, width: 56_000, height: 52_000 }, { width: 1300, height: 650 });
    expect(MIN_FIT_ZOOM).toBe(0.1);
    expect(v).toEqual({ x: 40 + 100 * WORKING_ZOOM, y: 40 - 200 * WORKING_ZOOM, zoom: WORKING_ZOOM });
  });

  it('an empty map or a canvas not laid out yet opens at zoom 1 at the origin', () => {
    expect(openingViewport({ x: 0, y: 0, width: 0, height: 0 }, { width: 800, height: 600 })).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(openingViewport({ x: 0, y: 0, width: 500, height: 500 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('bounds the cards’ boxes', () => {
    expect(boundsOf([{ x: 10, y: 20, width: 100, height: 50 }, { x: -30, y: 40, width: 20, height: 100 }])).toEqual({ x: -30, y: 20, width: 140, height: 120 });
    expect(boundsOf([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe('the remembered view', () => {
  it('is kept per version, exactly as it was, and read back', () => {
    const storage = memoryStorage();
    rememberViewport(storage, 'v1', { x: 10.4, y: -20.6, zoom: 0.73333 });
    rememberViewport(storage, 'v2', { x: 1, y: 2, zoom: 1 });
    expect(rememberedViewport(storage, 'v1')).toEqual({ x: 10.4, y: -20.6, zoom: 0.73333 });
    expect(rememberedViewport(storage, 'v2')).toEqual({ x: 1, y: 2, zoom: 1 });
    expect(rememberedViewport(storage, 'v3')).toBeNull();
  });

  it('is ignored when it is not a view (damaged, or numbers out of range are brought into range)', () => {
    const storage = memoryStorage();
    storage.setItem('leanmap.view.bad', '{not json');
    storage.setItem('leanmap.view.nan', JSON.stringify({ x: 'a', y: 0, zoom: 1 }));
    storage.setItem('leanmap.view.far', JSON.stringify({ x: 0, y: 0, zoom: 50 }));
    expect(rememberedViewport(storage, 'bad')).toBeNull();
    expect(rememberedViewport(storage, 'nan')).toBeNull();
    expect(rememberedViewport(storage, 'far')).toEqual({ x: 0, y: 0, zoom: 2 });
  });

  it('a storage that refuses (full, blocked) changes nothing and breaks nothing', () => {
    const refusing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(() => rememberViewport(refusing, 'v1', { x: 0, y: 0, zoom: 1 })).not.toThrow();
    expect(rememberedViewport(refusing, 'v1')).toBeNull();
    expect(rememberedViewport(null, 'v1')).toBeNull();
  });
});
