// The map scene every renderer draws: text placed run by run where its anchor puts it,
// one line and one head per arrow, DRAFT marks only while not agreed, change marks
// in their own shapes. Worked by hand with the monospace test metrics.
import { describe, expect, it } from 'vitest';
import { mapScene, type SceneShape, type SceneText } from '../../../src-shared/domain/report/map-scene';
import { CARD } from '../../../src-shared/domain/report/map-layout';
import { MONO_LATIN, MONO_WIDE, monospaceMetrics } from '../../fixtures/text-metrics';
import { aReportMap } from '../../fixtures/report-fixture';

const texts = (shapes: readonly SceneShape[]) => shapes.filter((s): s is SceneText => s.kind === 'text');

describe('the map scene', () => {
  const map = aReportMap(['Kick-off 東京', 'Decide']);
  const scene = mapScene(map, { metrics: monospaceMetrics, draft: false });
  const [ground, edges, nodes, labels] = scene.layers;

  it('covers the map on a white ground, then arrows, cards and arrow labels', () => {
    expect(scene).toMatchObject({ x: map.x, y: map.y, width: map.width, height: map.height });
    expect(ground![0]).toMatchObject({ kind: 'rect', x: map.x, y: map.y, width: map.width, height: map.height, fill: '#ffffff' });
    expect(scene.layers).toHaveLength(4);
    expect(texts(labels!).map((t) => t.text)).toContain('60 %');
  });

  it('places a title run by run: Latin, then the CJK run where the Latin one ends', () => {
    const title = texts(nodes!).find((t) => t.text === 'Kick-off 東京')!;
    const size = CARD.title.fontSize; // bold Latin 0.6 em, CJK 1 em
    expect(title).toMatchObject({ x: CARD.padX, bold: true, anchor: 'start' });
    expect(title.runs).toEqual([
      { text: 'Kick-off ', family: MONO_LATIN, x: 16, width: expect.closeTo(118.8, 6) },
      { text: '東京', family: MONO_WIDE, x: expect.closeTo(16 + 118.8, 6), width: 44 },
    ]);
    expect(size).toBe(22); // 9 Latin characters × 0.6 × 22 = 118.8; 2 CJK × 22 = 44
  });

  it('centres an arrow label: its runs start half their width left of the label point', () => {
    const label = texts(labels!).find((t) => t.text === '60 %')!;
    expect(label.anchor).toBe('middle');
    expect(label.runs[0]!.x).toBeCloseTo(label.x - (4 * 0.6 * label.size) / 2, 6);
  });

  it('draws each arrow as its line and one filled head at the end of its path', () => {
    const lines = edges!.filter((s) => s.kind === 'path' && s.fill === 'none');
    const heads = edges!.filter((s) => s.kind === 'path' && s.fill !== 'none');
    expect(lines).toHaveLength(map.edges.length);
    expect(heads).toHaveLength(map.edges.length);
    // The first arrow runs right to the second card (x 320, y 100): its head's tip is there.
    expect(heads[0]).toMatchObject({ d: expect.stringMatching(/^M 320 100 L /) });
  });

  it('marks a draft with DRAFT across the map and in its corner, and an agreed map with neither', () => {
    const draft = mapScene(map, { metrics: monospaceMetrics, draft: true });
    const marks = draft.layers[draft.layers.length - 1]!;
    expect(marks.filter((s) => s.kind === 'watermark').length).toBeGreaterThanOrEqual(1);
    expect(texts(marks).map((t) => t.text)).toEqual(['DRAFT — not yet agreed']);
    expect(scene.layers.flat().some((s) => s.kind === 'watermark')).toBe(false);
  });

  it('draws change marks in shapes of their own: circle added, dashed square removed, diamond changed', () => {
    const marked = mapScene(map, { metrics: monospaceMetrics, draft: false, marks: { 'stage-1': 'added', 'stage-2': 'removed', 't-1': 'changed' } });
    const layer = marked.layers[4]!;
    expect(layer.filter((s) => s.kind === 'circle')).toHaveLength(1);
    expect(layer.filter((s) => s.kind === 'rect' && s.dash?.join(' ') === '12 6')).toHaveLength(1);
    expect(texts(layer).map((t) => t.text)).toEqual(['+', 'Added', '−', 'Removed', 'Δ', 'Changed']);
  });
});
