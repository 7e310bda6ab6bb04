// Numbers as facilitators type them, read by the one number reader every field
// uses: what each typed string means in each kind of field, what is refused with
// a sentence, what is asked (both readings), and that what the app shows in a
// field reads back to the value that was stored.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNT_RULE,
  DAYS_RULE,
  MONEY_RULE,
  PERCENT_RULE,
  formatNumberInput,
  moneyRule,
  PLAIN_SEPARATORS,
  parseNumberInput,
  readableSeparators,
  shareOfPercent,
  type Separators,
  type NumberRule,
} from '../../src-shared/domain/number-input';

const EUR = moneyRule('EUR');
const USD = moneyRule('USD');

const FIELDS: Record<string, NumberRule> = {
  percent: PERCENT_RULE,
  days: DAYS_RULE,
  count: COUNT_RULE,
  'money EUR': EUR,
  'money USD': USD,
  'money (no currency)': MONEY_RULE,
};

type Field = keyof typeof FIELDS;

/** What the reader should make of a typed string: a value, a question with its readings, or a refusal. */
type Expected = number | null | { ask: number[] } | { refuse: RegExp | string };

const TABLE: [typed: string, field: Field, expected: Expected][] = [
  // Thousands in money and count fields: a separator followed by exactly three digits groups them.
  ['5,000', 'money EUR', 5000],
  ['48.000', 'money EUR', 48000],
  ['1.400.000', 'money EUR', 1_400_000],
  ['1 400 000', 'money EUR', 1_400_000],
  ["1'400'000", 'money EUR', 1_400_000],
  ['1’400’000', 'money EUR', 1_400_000],
  ['1\u00a0400\u00a0000', 'money EUR', 1_400_000],
  ['€1,200', 'money EUR', 1200],
  ['€ 45000', 'money EUR', 45000],
  ['45000 EUR', 'money EUR', 45000],
  ['45.000 eur', 'money EUR', 45000],
  ['EUR 1.200,50', 'money EUR', 1200.5],
  ['$5,000', 'money USD', 5000],
  ['US$5,000', 'money USD', 5000],
  ['5,000 USD', 'money USD', 5000],
  ['120,000', 'money (no currency)', 120000],
  ['1,234,567', 'money EUR', 1_234_567],
  ['1.234.567,50', 'money EUR', 1_234_567.5],
  ['1,234.50', 'money EUR', 1234.5],
  ['1 400,5', 'money EUR', 1400.5],
  ['5,000', 'count', 5000],
  ['48.000', 'count', 48000],
  ['1 200', 'count', 1200],
  // A decimal mark anywhere else is a decimal.
  ['12.50', 'money EUR', 12.5],
  ['1,5', 'money EUR', 1.5],
  ['12,5', 'money EUR', 12.5],
  ['0,500', 'money EUR', 0.5],
  ['1.2345', 'money EUR', 1.2345],
  ['35', 'percent', 35],
  ['35 %', 'percent', 35],
  ['35%', 'percent', 35],
  ['35,5', 'percent', 35.5],
  ['7.25', 'percent', 7.25],
  ['100', 'percent', 100],
  ['0', 'percent', 0],
  ['0.8 %', 'percent', 0.8],
  ['12 days', 'days', 12],
  ['1 day', 'days', 1],
  ['3d', 'days', 3],
  ['10.5', 'days', 10.5],
  ['2,5', 'days', 2.5],
  ['1234', 'days', 1234],
  // Multipliers, understood exactly (never by floating-point rounding).
  ['48k', 'money EUR', 48000],
  ['48K', 'count', 48000],
  ['1.4m', 'money EUR', 1_400_000],
  ['1.1m', 'count', 1_100_000],
  ['1,4 Mio.', 'money EUR', 1_400_000],
  ['2,5 Mio', 'money EUR', 2_500_000],
  ['2 bn', 'money EUR', 2_000_000_000],
  ['€2.5m', 'money EUR', 2_500_000],
  ['1.2345k', 'count', { refuse: 'Type a whole number (1.2345k has a fraction).' }],
  ['48k', 'days', { refuse: 'A number of days is typed as a plain number, without "k", "m" or "bn". Type a number from 0 to 3,650 days.' }],
  ['1.4m', 'percent', { refuse: /^A percentage is typed as a plain number/ }],
  ['1.4 lakh', 'money EUR', { refuse: /^"1.4 lakh" is not a number/ }],
  // Empty means unknown.
  ['', 'percent', null],
  ['   ', 'money EUR', null],
  // Another currency than the workshop's: refused, in words.
  ['$5,000', 'money EUR', { refuse: `"$5,000" is in dollars, but this workshop's figures are in EUR. Type the amount in euros, or change the currency first.` }],
  ['€1,200', 'money USD', { refuse: `"€1,200" is in euros, but this workshop's figures are in USD. Type the amount in US dollars, or change the currency first.` }],
  ['5000 GBP', 'money EUR', { refuse: /^"5000 GBP" is in pounds sterling, but this workshop's figures are in EUR/ }],
  ['£5000', 'money USD', { refuse: /is in pounds sterling/ }],
  ['€35', 'percent', { refuse: '"€35" is an amount of money. Type a number from 0 to 100 %.' }],
  // Counts are whole numbers.
  ['12.5', 'count', { refuse: 'Type a whole number (12.5 has a fraction).' }],
  ['1,5', 'count', { refuse: 'Type a whole number (1,5 has a fraction).' }],
  // Negative values: refused with a sentence.
  ['-5', 'percent', { refuse: 'A percentage cannot be negative. Type a number from 0 to 100 %.' }],
  ['−3', 'days', { refuse: 'A number of days cannot be negative. Type a number from 0 to 3,650 days.' }],
  ['-5,000', 'money EUR', { refuse: 'An amount cannot be negative. Type a number from 0 to 1,000,000,000,000 EUR.' }],
  ['-2', 'count', { refuse: 'A count cannot be negative. Type a whole number from 0 to 1,000,000,000.' }],
  ['-€500', 'money EUR', { refuse: 'An amount cannot be negative. Type a number from 0 to 1,000,000,000,000 EUR.' }],
  ['€-500', 'money EUR', { refuse: 'An amount cannot be negative. Type a number from 0 to 1,000,000,000,000 EUR.' }],
  // Not numbers, and numbers out of range.
  ['about 30', 'percent', { refuse: '"about 30" is not a number. Type a number from 0 to 100 %, or leave it empty if unknown.' }],
  ['3O', 'percent', { refuse: /^"3O" is not a number/ }],
  ['1e3', 'money EUR', { refuse: /^"1e3" is not a number/ }],
  ['12 34', 'count', { refuse: /^"12 34" is not a number/ }],
  ['1,,000', 'money EUR', { refuse: /^"1,,000" is not a number/ }],
  ['1  400', 'count', 1400],
  ['1,23,456', 'money EUR', { refuse: /^"1,23,456" is not a number/ }],
  ['1.234,567.5', 'money EUR', { refuse: /is not a number/ }],
  ['120', 'percent', { refuse: '120 is out of range. Type a number from 0 to 100 %.' }],
  ['4000', 'days', { refuse: '4000 is out of range. Type a number from 0 to 3,650 days.' }],
  // Two plausible readings: asked, with both.
  ['1,500', 'days', { ask: [1.5, 1500] }],
  ['1.234', 'days', { ask: [1.234, 1234] }],
  ['2.000', 'days', { ask: [2, 2000] }],
  ['1.250m', 'money EUR', { ask: [1_250_000, 1_250_000_000] }],
  ['1,500k', 'count', { ask: [1500, 1_500_000] }],
  // Only one reading fits the field: still asked, so a slip is not silently stored.
  ['1,500', 'percent', { ask: [1.5] }],
  ['4,500', 'days', { ask: [4.5] }],
  // A value under 1 in a percent field may be a share typed as a fraction.
  ['0.8', 'percent', { ask: [0.8, 80] }],
  ['0,35', 'percent', { ask: [0.35, 35] }],
  ['.5', 'percent', { ask: [0.5, 50] }],
];

describe('the number reader, field by field', () => {
  it('has a table of at least 60 typed values', () => expect(TABLE.length).toBeGreaterThanOrEqual(60));

  it.each(TABLE)('%j in a %s field', (typed, field, expected) => {
    const result = parseNumberInput(typed, FIELDS[field]!);
    if (expected === null || typeof expected === 'number') {
      expect(result).toEqual({ ok: true, value: expected });
    } else if ('ask' in expected) {
      expect(result.ok).toBe(false);
      if (result.ok || result.kind !== 'ambiguous') throw new Error(`not a question: ${JSON.stringify(result)}`);
      expect(result.readings.map((r) => r.value)).toEqual(expected.ask);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok || result.kind !== 'refused') throw new Error(`not a refusal: ${JSON.stringify(result)}`);
      if (typeof expected.refuse === 'string') expect(result.message).toBe(expected.refuse);
      else expect(result.message).toMatch(expected.refuse);
    }
  });
});

describe('questions say both readings and ask which', () => {
  const question = (typed: string, rule: NumberRule) => {
    const result = parseNumberInput(typed, rule);
    if (result.ok || result.kind !== 'ambiguous') throw new Error(`not a question: ${JSON.stringify(result)}`);
    return result;
  };

  it('asks whether 0.8 as a conversion meant 80 %', () => {
    const q = question('0.8', PERCENT_RULE);
    expect(q.message).toBe('0.8 % — did you mean 80 %?');
    expect(q.readings).toEqual([
      { value: 0.8, text: '0.8 %' },
      { value: 80, text: '80 %' },
    ]);
  });

  it('names both readings of a separator in a days field', () => {
    const q = question('1.234', DAYS_RULE);
    expect(q.message).toBe('"1.234" could be 1.234 days or 1234 days. Which one did you mean?');
    expect(q.readings.map((r) => r.text)).toEqual(['1.234 days', '1234 days']);
  });

  it('says why only one reading is offered when the other cannot be a percentage', () => {
    const q = question('1,500', PERCENT_RULE);
    expect(q.message).toBe('"1,500" could be 1.5 % or 1500 %, but a percentage is at most 100 %. Did you mean 1.5 %?');
  });

  it('shows money readings grouped, in the workshop currency', () => {
    expect(question('1.250m', EUR).message).toBe('"1.250m" could be 1,250,000 EUR or 1,250,000,000 EUR. Which one did you mean?');
  });

  it('refuses, not asks, when neither reading fits the field', () => {
    expect(parseNumberInput('9.999', { ...DAYS_RULE, max: 5 })).toEqual({ ok: false, kind: 'refused', message: '9.999 is out of range. Type a number from 0 to 5 days.' });
  });
});

describe('showing a stored number in a field', () => {
  it('shows unknown as empty, shares as percentages, money and counts grouped', () => {
    expect(formatNumberInput(null, PERCENT_RULE)).toBe('');
    expect(formatNumberInput(0.35, PERCENT_RULE, true)).toBe('35');
    expect(formatNumberInput(0.355, PERCENT_RULE, true)).toBe('35.5');
    expect(formatNumberInput(0.123456789, PERCENT_RULE, true)).toBe('12.345679');
    expect(formatNumberInput(12, DAYS_RULE)).toBe('12');
    expect(formatNumberInput(1234, DAYS_RULE)).toBe('1234');
    expect(formatNumberInput(5000, EUR)).toBe('5,000');
    expect(formatNumberInput(1_400_000, COUNT_RULE)).toBe('1,400,000');
    expect(formatNumberInput(1234.5, EUR)).toBe('1,234.5');
  });

  it('never shows a value so that it would read back as a question', () => {
    // Exactly three decimals would read as a thousands group or be asked about.
    expect(formatNumberInput(1.234, DAYS_RULE)).toBe('1.2340');
    expect(formatNumberInput(12.567, EUR)).toBe('12.5670');
    // A percentage under 1 keeps its sign, so it is not taken for a share.
    expect(formatNumberInput(0.008, PERCENT_RULE, true)).toBe('0.8 %');
    expect(formatNumberInput(0.5, PERCENT_RULE)).toBe('0.5 %');
  });
});

describe("showing a number in the display locale's marks", () => {
  const DE: Separators = { group: '.', decimal: ',' };
  const FR: Separators = { group: '\u202f', decimal: ',' };
  const CH: Separators = { group: '’', decimal: '.' };

  it('groups amounts and counts with the locale mark and writes its decimal mark', () => {
    expect(formatNumberInput(5000, EUR, false, DE)).toBe('5.000');
    expect(formatNumberInput(1234.5, EUR, false, DE)).toBe('1.234,5');
    expect(formatNumberInput(1_400_000, COUNT_RULE, false, FR)).toBe('1\u202f400\u202f000');
    expect(formatNumberInput(1234.5, EUR, false, CH)).toBe('1’234.5');
    expect(formatNumberInput(0.355, PERCENT_RULE, true, DE)).toBe('35,5');
    expect(formatNumberInput(0.008, PERCENT_RULE, true, DE)).toBe('0,8 %');
    expect(formatNumberInput(10.5, DAYS_RULE, false, FR)).toBe('10,5');
  });

  it('keeps only marks the reader reads back, else the plain ones', () => {
    expect(readableSeparators('.', ',')).toEqual(DE);
    expect(readableSeparators('\u202f', ',')).toEqual(FR);
    expect(readableSeparators('’', '.')).toEqual(CH);
    expect(readableSeparators(',', '.')).toEqual(PLAIN_SEPARATORS);
    // Arabic marks, or a group mark equal to the decimal one: not readable, so plain.
    expect(readableSeparators('٬', '٫')).toEqual(PLAIN_SEPARATORS);
    expect(readableSeparators(',', ',')).toEqual(PLAIN_SEPARATORS);
  });
});

describe('what the app shows reads back to what was stored', () => {
  /** Values a field can hold: up to 6 decimals in the field's units, in range, whole where required. */
  const valueIn = (rule: NumberRule) =>
    fc
      .tuple(fc.integer({ min: 0, max: Math.min(rule.max, 1e9) }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
      .map(([whole, fraction, decimals]) => {
        if (rule.integer || decimals === 0) return whole;
        const digits = String(fraction).padStart(6, '0').slice(0, decimals);
        return Number(`${whole}.${digits}`);
      })
      .filter((v) => v <= rule.max);

  /** Every set of marks a display locale can give the fields. */
  const separators = fc.constantFrom<Separators>(
    PLAIN_SEPARATORS,
    { group: '.', decimal: ',' },
    { group: '\u202f', decimal: ',' },
    { group: '\u00a0', decimal: ',' },
    { group: ' ', decimal: ',' },
    { group: '’', decimal: '.' },
    { group: "'", decimal: '.' },
  );

  for (const [name, rule] of Object.entries(FIELDS)) {
    it(`in a ${name} field, in every display locale's marks`, () => {
      fc.assert(
        fc.property(valueIn(rule), separators, (value, sep) => {
          expect(parseNumberInput(formatNumberInput(value, rule, false, sep), rule)).toEqual({ ok: true, value });
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('in a percent field holding a share (conversion, %C&A)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), separators, (millionths, sep) => {
        const share = millionths / 1_000_000;
        const read = parseNumberInput(formatNumberInput(share, PERCENT_RULE, true, sep), PERCENT_RULE);
        expect(read.ok && read.value !== null ? shareOfPercent(read.value) : read).toBe(share);
      }),
      { numRuns: 1000 },
    );
  });
});
