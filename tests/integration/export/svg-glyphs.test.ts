// The PNG's text as glyph outlines: path data written as short as SVG allows, which
// must be the very same shapes as the numbers written out in full.
import { describe, expect, it } from 'vitest';
import { mapSvgOf } from '../../../src-main/export/map-svg';
import { renderSvg } from '../../../src-main/export/png-writer';
import { glyphTextWriter, pathNumbers } from '../../../src-main/export/svg-glyphs';
import { aTemplateReport } from '../../fixtures/report-fixture';

/** Path data with every number written out: a space before each, and "0" before a bare decimal point. */
const inFull = (d: string) =>
  d
    .replace(/(\d*\.\d+|\d+)/g, ' $1')
    .replace(/- /g, ' -')
    .replace(/([ -])\./g, '$10.')
    .replace(/\s+/g, ' ')
    .replace(/([a-zA-Z]) /g, '$1');

describe('glyph outlines in the PNG', () => {
  it('leave out only the spaces and zeros the path grammar does not need', () => {
    expect(pathNumbers(['1.2', '-3.4', '.5', '6', '.7', '8'])).toBe('1.2-3.4.5 6 .7 8');
    expect(pathNumbers(['.5', '.25'])).toBe('.5.25');
    expect(pathNumbers([])).toBe('');
    expect(inFull('M1.2-3.4q.5.25 6 .7z')).toBe('M1.2 -3.4q0.5 0.25 6 0.7z');
  });

  it('draw the same picture as the same outlines with every number written in full', () => {
    const svg = mapSvgOf(aTemplateReport(), { writer: glyphTextWriter() });
    const full = svg.replace(/ d="(M[^"]*)"/g, (_, d: string) => ` d="${inFull(d)}"`);
    expect(full).not.toBe(svg);
    expect(full.length).toBeGreaterThan(svg.length * 1.1);
    const a = renderSvg(svg, 800);
    const b = renderSvg(full, 800);
    expect(a.pixels.equals(b.pixels)).toBe(true);
  });
});
