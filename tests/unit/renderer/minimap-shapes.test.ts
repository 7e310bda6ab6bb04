// What the minimap draws: the cards as one path per colour, and React Flow's framing.
import { describe, expect, it } from 'vitest';
import { minimapGeometry, minimapShapes } from '../../../src-renderer/canvas/minimap-shapes';

describe('minimapShapes', () => {
  it('draws each card as a closed rectangle, one path per colour in the order first met', () => {
    const shapes = minimapShapes([
      { x: 0, y: 0, width: 100, height: 50, fill: 'blue' },
      { x: 200.4, y: -10.6, width: 80, height: 40.2, fill: 'green' },
      { x: 400, y: 0, width: 100, height: 50, fill: 'blue' },
    ]);
    expect(shapes).toEqual([
      { fill: 'blue', d: 'M0,0h100v50h-100zM400,0h100v50h-100z' },
      { fill: 'green', d: 'M200,-11h80v40h-80z' },
    ]);
  });

  it('draws nothing for no cards', () => {
    expect(minimapShapes([])).toEqual([]);
  });
});

describe('minimapGeometry', () => {
  it('fits the bounds in the element, centred, with a margin of offsetScale pixels', () => {
    // Bounds 1000 × 300 in a 200 × 150 element: 5 flow units a pixel (the width decides);
    // the view is 1000 × 750, so 225 above and below; the margin is 5 px = 25 units.
    const g = minimapGeometry({ x: 0, y: 0, width: 1000, height: 300 }, 200, 150, 5);
    expect(g).toEqual({ x: -25, y: -250, width: 1050, height: 800, offset: 25, viewScale: 5 });
  });
});
