// The one reader of numbers as facilitators type them ("35 %", "€1,200", "48.000",
// "1,4 Mio.") for every numeric field, and the one way a stored number is shown
// in a field. A value is read as meant, refused with a sentence, or — when two
// readings are both plausible — returned as a question with both readings.
import { currencyName, takeCurrencyMark } from './currency-marks';

export type NumberKind = 'percent' | 'days' | 'count' | 'money';

export interface NumberRule {
  kind: NumberKind;
  min: number;
  max: number;
  /** Whole numbers only (e.g. buyers entering). */
  integer?: boolean;
  /** For money: the workshop's currency; an amount typed in another one is refused. */
  currency?: string;
}

/** One way of reading what was typed, in the field's units (percent fields: 0..100). */
export interface NumberReading {
  value: number;
  /** The reading as the question shows it: "80 %", "1,234 days". */
  text: string;
}

export type ParsedNumber =
  | { ok: true; value: number | null }
  | { ok: false; kind: 'refused'; message: string }
  | { ok: false; kind: 'ambiguous'; message: string; readings: NumberReading[] };

export const PERCENT_RULE: NumberRule = { kind: 'percent', min: 0, max: 100 };
export const DAYS_RULE: NumberRule = { kind: 'days', min: 0, max: 3650 };
export const COUNT_RULE: NumberRule = { kind: 'count', min: 0, max: 1e9, integer: true };
export const MONEY_RULE: NumberRule = { kind: 'money', min: 0, max: 1e12 };

const moneyRules = new Map<string, NumberRule>();
/** The money rule for a workshop's currency (one object per currency, so fields can compare rules). */
export function moneyRule(currency: string): NumberRule {
  let rule = moneyRules.get(currency);
  if (!rule) moneyRules.set(currency, (rule = { ...MONEY_RULE, currency }));
  return rule;
}

const NOUN: Record<NumberKind, string> = { percent: 'A percentage', days: 'A number of days', count: 'A count', money: 'An amount' };

export function describeRule(rule: NumberRule): string {
  const unit = rule.kind === 'percent' ? ' %' : rule.kind === 'days' ? ' days' : rule.kind === 'money' && rule.currency ? ` ${rule.currency}` : '';
  return `a ${rule.integer ? 'whole ' : ''}number from ${rule.min.toLocaleString('en')} to ${rule.max.toLocaleString('en')}${unit}`;
}

// ——— Pieces of a typed value ———

/** Unit words a field's kind allows after the number (the unit it already has). */
const UNIT_WORDS: Record<NumberKind, RegExp | null> = {
  percent: /\s*(%|pct\.?|percent)$/i,
  days: /\s*(days?|d|tage?)$/i,
  count: null,
  money: null,
};

/** Multipliers: "48k", "1.4m", "1,4 Mio.", "2 bn". Only these; anything else is not a number. */
const MULTIPLIERS: { pattern: RegExp; exponent: number }[] = [
  { pattern: /\s*(k|thousand|tsd\.?)$/i, exponent: 3 },
  { pattern: /\s*(m|mn|mio\.?|million|millions)$/i, exponent: 6 },
  { pattern: /\s*(bn|b|billion|billions|mrd\.?)$/i, exponent: 9 },
];

/** A decimal number as digits, kept as text so shifting by a multiplier is exact. */
interface Digits {
  whole: string;
  fraction: string;
}

const toNumber = (d: Digits): number => Number(`${d.whole || '0'}.${d.fraction || '0'}`);

function shift(d: Digits, exponent: number): Digits {
  const fraction = d.fraction.padEnd(exponent, '0');
  return { whole: d.whole + fraction.slice(0, exponent), fraction: fraction.slice(exponent) };
}

/** Digits in groups of three after the first (1–3 digits, no leading zero unless alone). */
const isGrouped = (groups: string[]): boolean =>
  groups.length > 1 && /^[1-9]\d{0,2}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));

/**
 * The possible readings of the digits and separators, in order of preference.
 * Spaces and apostrophes only ever group thousands. With both "," and "." the
 * later one is the decimal mark. A lone mark followed by exactly three digits is
 * a thousands group where thousands are usual (money, counts) and a question
 * elsewhere (or with a multiplier: "1.250m"); any other lone mark is a decimal.
 * Returns null when the separators make no sense.
 */
function readDigits(body: string, thousandsUsual: boolean): Digits[] | null {
  if (!/^[\d.,\s\u00a0\u202f'’]+$/.test(body) || !/\d/.test(body)) return null;
  // A mark typed last ("5,") is a number still being typed: read what is there.
  const s = body.replace(/[.,]$/, '');
  const marks = s.replace(/[^.,]/g, '');
  const lastMark = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  const decimalMark = lastMark >= 0 ? s[lastMark]! : null;
  let intText = s;
  let fraction = '';
  let lone: string | null = null;
  if (decimalMark && marks.includes(decimalMark === ',' ? '.' : ',')) {
    // Both marks: the later is the decimal, it appears once, the other groups.
    if (marks.indexOf(decimalMark) !== marks.length - 1) return null;
    intText = s.slice(0, lastMark);
    fraction = s.slice(lastMark + 1);
    if (!/^\d+$/.test(fraction)) return null;
  } else if (decimalMark && marks.length > 1) {
    // One kind of mark, several times: thousands groups ("1.400.000").
    fraction = '';
  } else if (decimalMark) {
    lone = decimalMark;
    intText = s.slice(0, lastMark);
    fraction = s.slice(lastMark + 1);
    if (!/^\d+$/.test(fraction)) return null;
  }
  // What is left of the whole part is groups separated by spaces, apostrophes or the grouping mark.
  // Spaces may be doubled by a slip of the thumb; a doubled mark ("1,,000") is not a number.
  const groups = intText === '' ? [''] : intText.split(/[.,'’]|[\s\u00a0\u202f]+/);
  if (groups.length > 1 && !isGrouped(groups)) return null;
  const whole = groups.join('');
  if (whole !== '' && !/^\d+$/.test(whole)) return null;
  if (whole === '' && fraction === '') return null;
  const asDecimal: Digits = { whole, fraction };
  if (lone && fraction.length === 3 && isGrouped([...(groups.length > 1 ? groups : [whole]), fraction])) {
    const asThousands: Digits = { whole: whole + fraction, fraction: '' };
    return thousandsUsual ? [asThousands] : [asDecimal, asThousands];
  }
  return [asDecimal];
}

// ——— Showing a value ———

/** How numbers are written on screen: the display locale's thousands and decimal marks. */
export interface Separators {
  group: string;
  decimal: '.' | ',';
}

/** The separators this reader can read back: "1,234.5". */
export const PLAIN_SEPARATORS: Separators = { group: ',', decimal: '.' };

/**
 * A locale's marks if the reader reads them back ("1.234,5", "1 234,5", "1’234.5"),
 * otherwise the plain ones; a display locale never makes a field unreadable.
 */
export function readableSeparators(group: string, decimal: string): Separators {
  if ((decimal === '.' || decimal === ',') && group !== decimal && /^[,.\s\u00a0\u202f'’]$/.test(group)) return { group, decimal };
  return PLAIN_SEPARATORS;
}

function plain(value: number, kind: NumberKind, forField = true, sep: Separators = PLAIN_SEPARATORS): string {
  const fixed = value.toFixed(6);
  const [whole = '0', digits = ''] = fixed.split('.');
  let fraction = digits.replace(/0+$/, '');
  // Exactly three decimals would read back as a thousands group: "12.5670" cannot.
  if (forField && fraction.length === 3) fraction += '0';
  // Thousands are grouped only where the reader takes a three-digit group as thousands.
  const grouped = kind === 'money' || kind === 'count' ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group) : whole;
  return fraction ? `${grouped}${sep.decimal}${fraction}` : grouped;
}

/** A value in the field's units as the app shows it: "5,000", "12.5", "0.8 %". */
export function formatReading(value: number, rule: NumberRule, sep: Separators = PLAIN_SEPARATORS): string {
  const text = plain(value, rule.kind, true, sep);
  // A percentage under 1 carries its sign, so it reads back as itself and not as the 80 % question.
  if (rule.kind === 'percent' && value > 0 && value < 1) return `${text} %`;
  return text;
}

const withUnit = (value: number, rule: NumberRule): string => {
  const text = plain(value, rule.kind, false);
  return rule.kind === 'percent' ? `${text} %` : rule.kind === 'days' ? `${text} ${text === '1' ? 'day' : 'days'}` : rule.kind === 'money' && rule.currency ? `${text} ${rule.currency}` : text;
};

/** A percentage as the share stored for it (35.5 → 0.355), free of floating-point residue (8.69 → 0.0869, not 0.086899…). */
export function shareOfPercent(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/** Shows a stored value in a field (percent rules with `share` show 0..1 shares as 0..100). */
export function formatNumberInput(value: number | null, rule: NumberRule, share = false, sep: Separators = PLAIN_SEPARATORS): string {
  if (value === null) return '';
  return formatReading(share ? Number((value * 100).toFixed(10)) : value, rule, sep);
}

// ——— Reading a value ———

const refuse = (message: string): ParsedNumber => ({ ok: false, kind: 'refused', message });

function notANumber(typed: string, rule: NumberRule): ParsedNumber {
  return refuse(`"${typed}" is not a number. Type ${describeRule(rule)}, or leave it empty if unknown.`);
}

function checkRange(value: number, typed: string, rule: NumberRule): string | null {
  if (value > rule.max || value < rule.min) return `${typed} is out of range. Type ${describeRule(rule)}.`;
  if (rule.integer && !Number.isInteger(value)) return `Type a whole number (${typed} has a fraction).`;
  return null;
}

/** Parses a typed value; an empty field means "not known" (null). */
export function parseNumberInput(text: string, rule: NumberRule): ParsedNumber {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: null };
  let s = typed;
  // A minus may come before a currency sign ("-€5") or after it ("€-5").
  let negative = false;
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }

  // A currency mark: only in money fields, and only the workshop's currency.
  const { rest, mark } = takeCurrencyMark(s, rule.currency);
  if (mark) {
    if (rule.kind !== 'money') return refuse(`"${typed}" is an amount of money. Type ${describeRule(rule)}.`);
    if (rule.currency && !mark.codes.has(rule.currency)) {
      return refuse(
        `"${typed}" is in ${mark.name}, but this workshop's figures are in ${rule.currency}. Type the amount in ${currencyName(rule.currency)}, or change the currency first.`,
      );
    }
    s = rest.trim();
  }

  // The field's own unit ("35 %", "12 days") may be typed; it changes nothing.
  let unitTyped = false;
  const unit = UNIT_WORDS[rule.kind];
  if (unit && unit.test(s)) {
    s = s.replace(unit, '').trim();
    unitTyped = true;
  }

  let exponent = 0;
  for (const m of MULTIPLIERS) {
    if (!m.pattern.test(s) || !/\d/.test(s)) continue;
    if (rule.kind === 'percent' || rule.kind === 'days') {
      return refuse(`${NOUN[rule.kind]} is typed as a plain number, without "k", "m" or "bn". Type ${describeRule(rule)}.`);
    }
    s = s.replace(m.pattern, '').trim();
    exponent = m.exponent;
    break;
  }

  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }

  const thousandsUsual = (rule.kind === 'money' || rule.kind === 'count') && exponent === 0;
  const digits = readDigits(s, thousandsUsual);
  if (!digits) return notANumber(typed, rule);
  if (negative) return refuse(`${NOUN[rule.kind]} cannot be negative. Type ${describeRule(rule)}.`);

  const readings = digits.map((d) => toNumber(shift(d, exponent)));
  if (readings.length > 1) return ask(typed, readings, rule);

  const value = readings[0]!;
  const problem = checkRange(value, typed, rule);
  if (problem) return refuse(problem);
  // "0.8" in a percent field is more likely 80 % typed as a share than 0.8 %.
  if (rule.kind === 'percent' && !unitTyped && value > 0 && value < 1) {
    const asShare = Number((value * 100).toFixed(10));
    return {
      ok: false,
      kind: 'ambiguous',
      message: `${withUnit(value, rule)} — did you mean ${withUnit(asShare, rule)}?`,
      readings: [value, asShare].map((v) => ({ value: v, text: withUnit(v, rule) })),
    };
  }
  return { ok: true, value };
}

/** Two readings of a separator: say both and ask; only readings the field can take are offered. */
function ask(typed: string, readings: number[], rule: NumberRule): ParsedNumber {
  const shown = readings.map((v) => withUnit(v, rule));
  const usable = readings.filter((v) => checkRange(v, typed, rule) === null);
  if (usable.length === 0) return refuse(checkRange(readings[0]!, typed, rule)!);
  const choices = usable.map((v) => ({ value: v, text: withUnit(v, rule) }));
  const question =
    usable.length === readings.length
      ? `"${typed}" could be ${shown.join(' or ')}. Which one did you mean?`
      : `"${typed}" could be ${shown.join(' or ')}, but ${NOUN[rule.kind].toLowerCase()} is at most ${withUnit(rule.max, rule)}. Did you mean ${choices[0]!.text}?`;
  return { ok: false, kind: 'ambiguous', message: question, readings: choices };
}
