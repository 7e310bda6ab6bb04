// The export fonts: found in node_modules at run time, and text split into runs
// by which font has the glyphs (pdfkit does not fall back by itself).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontPath, nativeFontFiles, splitIntoRuns } from '../../../src-main/export/fonts';

describe('export fonts', () => {
  it('are found as files', () => {
    for (const face of ['regular', 'bold', 'jpRegular', 'jpBold', 'emojiRegular', 'emojiBold'] as const) {
      expect(existsSync(fontPath(face)), face).toBe(true);
      expect(fontPath(face)).toMatch(/\.ttf$/);
    }
    expect(nativeFontFiles()).toHaveLength(6);
  });

  it('draw Latin, Greek and Cyrillic in Noto Sans', () => {
    expect(splitIntoRuns('Müller, Łódź, Ελλάδα, Москва')).toEqual([{ face: 'regular', text: 'Müller, Łódź, Ελλάδα, Москва' }]);
    expect(splitIntoRuns('Müller', true)).toEqual([{ face: 'bold', text: 'Müller' }]);
  });

  it('switch to Noto Sans JP for Japanese and Chinese, and back, spaces staying in their run', () => {
    expect(splitIntoRuns('Visit 東京 office')).toEqual([
      { face: 'regular', text: 'Visit ' },
      { face: 'jpRegular', text: '東京 ' },
      { face: 'regular', text: 'office' },
    ]);
    expect(splitIntoRuns('山田 太郎', true)).toEqual([{ face: 'jpBold', text: '山田 太郎' }]);
  });

  it('keep spaces alone in the Latin face', () => {
    expect(splitIntoRuns('  ')).toEqual([{ face: 'regular', text: '  ' }]);
    expect(splitIntoRuns('')).toEqual([]);
  });
});
