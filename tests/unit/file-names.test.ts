// Export file names from what the room typed: safe on every system, never empty,
// never hidden, never a path, never a Windows device, never half an emoji.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutToGraphemes, reportFileStem, safeFileName, safeFileStem } from '../../src-shared/domain/file-names';

/** No unpaired surrogate (half an emoji). */
const isWellFormed = (text: string) => !/\p{Cs}/u.test(text);

const DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** What every stem must be, whatever it was made from. */
function expectSafe(stem: string, maxUnits = 80): void {
  expect(stem.length).toBeGreaterThan(0);
  expect(stem.length).toBeLessThanOrEqual(maxUnits);
  expect(isWellFormed(stem), `well-formed: ${JSON.stringify(stem)}`).toBe(true);
  expect(stem).not.toMatch(/[<>:"/\\|?*]/);
  expect(stem).not.toMatch(/^[.\s]|[.\s]$/);
  expect(stem).not.toMatch(/(?!\u200d)[\p{Cc}\p{Cf}\p{Cs}]/u);
  expect(stem.split('.')[0]!.trimEnd()).not.toMatch(DEVICE);
  // With an extension added, the name is still no device.
  expect(`${stem}.pdf`.split('.')[0]!.trimEnd()).not.toMatch(DEVICE);
}

describe('safeFileStem', () => {
  it.each([
    ['Renewal journey', 'Renewal journey'],
    ['Q3: "North/South" review?', 'Q3 North South review'],
    ['  spaced\tout\nover lines  ', 'spaced out over lines'],
    // Windows device names, alone or with extensions, in any case.
    ['con', 'con_'],
    ['CON', 'CON_'],
    ['con.txt', 'con_.txt'],
    ['NUL.tar.gz', 'NUL_.tar.gz'],
    ['LPT1.report', 'LPT1_.report'],
    ['com9', 'com9_'],
    ['aux .txt', 'aux_.txt'],
    ['COM¹.log', 'COM¹_.log'],
    ['conout$', 'conout$_'],
    // Not devices: a longer word that starts like one.
    ['console.txt', 'console.txt'],
    ['Conference plan', 'Conference plan'],
    // Paths and hidden files.
    ['../../etc/x', 'etc x'],
    ['..\\..\\windows\\system32', 'windows system32'],
    ['.hidden', 'hidden'],
    ['...', 'workshop'],
    ['name.', 'name'],
    ['trailing dots ...', 'trailing dots'],
    // Bidi overrides and other invisible characters go; the text stays.
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['a\u2066b\u2069c', 'abc'],
    ['zero\u200bwidth\uFEFF', 'zerowidth'],
    ['bell\u0007tab\u0009', 'belltab'],
    ['line\u2028break', 'line break'],
    ['no\u00a0break', 'no break'],
    // Composed as one form.
    ['Cafe\u0301', 'Café'],
    // Emoji stay whole, with their joiners.
    ['🚀 Launch', '🚀 Launch'],
    ['👩‍💻 team', '👩‍💻 team'],
    // Nothing left: the fallback.
    ['', 'workshop'],
    ['///', 'workshop'],
    ['\u202E\u200B', 'workshop'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileStem(input)).toBe(expected);
  });

  it('cuts a long name between characters, never inside an emoji', () => {
    const name = `${'a'.repeat(79)}😀😀`;
    expect(isWellFormed(name.slice(0, 80))).toBe(false); // the old cut left half an emoji
    const stem = safeFileStem(name);
    expect(stem).toBe('a'.repeat(79));
    expectSafe(stem);
  });

  it('keeps an accent with its letter when it cuts', () => {
    // q́ has no composed form: two code units that must stay together.
    const stem = safeFileStem(`${'a'.repeat(77)}q\u0301q\u0301`);
    expect(stem).toBe(`${'a'.repeat(77)}q\u0301`);
    expectSafe(stem);
  });

  it('removes unpaired surrogates', () => {
    expect(safeFileStem('bad\uD800name\uDFFF')).toBe('badname');
  });

  it('uses the fallback, made safe itself, when nothing is left', () => {
    expect(safeFileStem('..', 'Leanmap report')).toBe('Leanmap report');
    expect(safeFileStem('..', 'con')).toBe('con_');
  });

  it('makes any text a safe, non-empty, well-formed name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectSafe(safeFileStem(text));
      }),
      { numRuns: 2000 },
    );
    const tricky = fc.constantFrom('.', '/', '\\', ' ', 'con', 'NUL', 'lpt1', '.txt', '😀', '\u202E', '\u200D', '\uD83D', 'e\u0301', '\u00a0', ':');
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 60 }), fc.integer({ min: 4, max: 120 }), (parts, max) => {
        expectSafe(safeFileStem(parts.join(''), 'workshop', max), max);
      }),
      { numRuns: 2000 },
    );
    // 4,000 generated names: well under a second alone, but a busy 2-core machine can pass 5 s.
  }, 30_000);
});

describe('cutToGraphemes', () => {
  it('returns short text unchanged and cuts long text at a character boundary', () => {
    expect(cutToGraphemes('short', 80)).toBe('short');
    expect(cutToGraphemes('ab😀', 3)).toBe('ab');
    expect(cutToGraphemes('👍🏽👍🏽', 5)).toBe('👍🏽');
  });
});

describe('reportFileStem', () => {
  it('names the workshop and the version', () => {
    expect(reportFileStem('Renewal journey', 'Future state')).toBe('Renewal journey – Future state');
  });

  it('keeps the version visible when the title is long', () => {
    const stem = reportFileStem('T'.repeat(200), 'Future state');
    expect(stem.endsWith(' – Future state')).toBe(true);
    expect(stem.length).toBeLessThanOrEqual(60 + 3 + 40);
  });

  it('makes both parts safe', () => {
    expect(reportFileStem('con.txt', '../x')).toBe('con_.txt – x');
    expect(reportFileStem('', '')).toBe('Leanmap report – Map');
  });
});

describe('safeFileName', () => {
  it.each([
    ['Renewal journey – Future state.pdf', 'Renewal journey – Future state.pdf'],
    ['Renewal journey 2026-11-22.leanmap.json', 'Renewal journey 2026-11-22.leanmap.json'],
    ['Renewal – Future state map@2x.png', 'Renewal – Future state map@2x.png'],
    ['con.txt', 'con_.txt'],
    ['NUL.tar.gz', 'NUL_.tar.gz'],
    ['LPT1.report', 'LPT1_.report'],
    ['con.txt – Future state.pdf', 'con_.txt – Future state.pdf'],
    ['.hidden', 'hidden'],
    ['..', 'Leanmap export'],
    ['.pdf', 'pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps the extension and cuts the stem between whole characters', () => {
    const name = safeFileName(`${'😀'.repeat(150)}.xlsx`);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(200);
    expect(isWellFormed(name)).toBe(true);
  });
});
