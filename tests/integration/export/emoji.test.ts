// Emoji in what the room typed ("🚀 Launch the pilot") print as emoji, not empty
// boxes: in the PDF's text layer and glyphs (Noto Emoji embedded), and in the PNG.
import { describe, expect, it } from 'vitest';
import { ALL_FACES, fontPath, splitIntoRuns } from '../../../src-main/export/fonts';
import { mapSvgOf } from '../../../src-main/export/map-svg';
import { writePdf } from '../../../src-main/export/pdf-writer';
import { renderSvg } from '../../../src-main/export/png-writer';
import { aReport } from '../../fixtures/report-fixture';
import { allText, readPdf } from './pdf-helpers';

const ROCKET = '🚀 Launch the pilot';
const HEART = 'Agree ❤️ the case 👩‍💻';

describe('emoji in the fonts', () => {
  it('have a font of their own in the fallback list, found as a file', () => {
    expect(ALL_FACES).toEqual(expect.arrayContaining(['emojiRegular', 'emojiBold']));
    expect(fontPath('emojiRegular')).toMatch(/NotoEmoji.*\.ttf$/);
  });

  it('are set in Noto Emoji, joiners and variation selectors with them, spaces in the text face', () => {
    expect(splitIntoRuns(ROCKET)).toEqual([
      { face: 'emojiRegular', text: '🚀' },
      { face: 'regular', text: ' Launch the pilot' },
    ]);
    expect(splitIntoRuns(HEART, true)).toEqual([
      { face: 'bold', text: 'Agree ' },
      { face: 'emojiBold', text: '❤️' },
      { face: 'bold', text: ' the case ' },
      { face: 'emojiBold', text: '👩‍💻' },
    ]);
    expect(splitIntoRuns('  🔥')).toEqual([
      { face: 'regular', text: '  ' },
      { face: 'emojiRegular', text: '🔥' },
    ]);
  });
});

describe('emoji in the PDF', async () => {
  const data = await writePdf(aReport({ stageNames: [ROCKET, HEART, 'Compare options in 東京 🔥'] }), { paper: 'A4' });
  const { pages } = await readPdf(data);

  it('come out of the text layer intact', () => {
    const lines = allText(pages).split('\n');
    expect(lines).toContain(ROCKET);
    expect(lines.some((l) => l.includes(HEART))).toBe(true);
    expect(lines.some((l) => l.includes('東京 🔥'))).toBe(true);
  });

  it('are drawn with the embedded Noto Emoji, not a missing glyph of Noto Sans', () => {
    const fonts = data.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    expect(fonts.some((f) => f.endsWith('+NotoEmoji-Regular'))).toBe(true);
    expect(fonts.some((f) => f.endsWith('+NotoEmoji-Bold'))).toBe(true);
  });
});

describe('emoji in the PNG', () => {
  /** Dark pixels of the picture of `text` (RGBA, on white). */
  const ink = (text: string) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect width="120" height="60" fill="#fff"/><text x="10" y="42" font-family="Noto Sans" font-size="36" fill="#000">${text}</text></svg>`;
    const pixels = renderSvg(svg, 120).pixels;
    const dark: number[] = [];
    for (let i = 0; i < pixels.length; i += 4) dark.push(pixels[i]! < 128 ? 1 : 0);
    return dark;
  };

  it('draw each emoji as its own glyph: not empty, not one and the same box', () => {
    const [rocket, fire, heart] = ['🚀', '🔥', '❤️'].map(ink);
    for (const glyph of [rocket!, fire!, heart!]) expect(glyph.reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
    const differing = (a: number[], b: number[]) => a.filter((v, i) => v !== b[i]).length;
    expect(differing(rocket!, fire!)).toBeGreaterThan(150);
    expect(differing(fire!, heart!)).toBeGreaterThan(150);
  });

  it('draw a map whose stage names hold emoji', () => {
    const svg = mapSvgOf(aReport({ stageNames: [ROCKET, HEART] }));
    expect(renderSvg(svg, 400).pixels.length).toBeGreaterThan(0);
  });
});
