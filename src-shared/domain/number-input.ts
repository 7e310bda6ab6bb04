// Reads numbers as facilitators type them ("35", "35 %", "35,5", "120 000",
// "€120,000") and says plainly what is wrong when a value cannot be used.
export type NumberKind = 'percent' | 'days' | 'count' | 'money';

export interface NumberRule {
  kind: NumberKind;
  min: number;
  max: number;
  /** Whole numbers only (e.g. buyers entering). */
  integer?: boolean;
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

export const PERCENT_RULE: NumberRule = { kind: 'percent', min: 0, max: 100 };
export const DAYS_RULE: NumberRule = { kind: 'days', min: 0, max: 3650 };
export const COUNT_RULE: NumberRule = { kind: 'count', min: 0, max: 1e9 };
export const MONEY_RULE: NumberRule = { kind: 'money', min: 0, max: 1e12 };

/** Normalises separators: "1,234.5" and "1.234,5" and "1 234,5" all mean 1234.5; "35,5" means 35.5. */
function normalise(text: string): string {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // The later separator is the decimal one.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const groups = s.split(',');
    const thousands = groups.length > 1 && groups.slice(1).every((g) => /^\d{3}$/.test(g)) && /^\d{1,3}$/.test(groups[0]!.replace(/^-/, ''));
    s = thousands && groups.length > 2 ? groups.join('') : thousands && s.length > 5 ? groups.join('') : s.replace(',', '.');
  }
  return s;
}

const UNIT_WORDS: Record<NumberKind, RegExp> = {
  percent: /%$/,
  days: /(days?|d)$/i,
  count: /$^/,
  money: /^[€$£¥]|[€$£¥]$|^(eur|usd|gbp|chf)|(eur|usd|gbp|chf)$/i,
};

export function describeRule(rule: NumberRule): string {
  const unit = rule.kind === 'percent' ? ' %' : rule.kind === 'days' ? ' days' : '';
  return `a ${rule.integer ? 'whole ' : ''}number from ${rule.min.toLocaleString('en')} to ${rule.max.toLocaleString('en')}${unit}`;
}

/** Parses a typed value; an empty field means "not known" (null). */
export function parseNumberInput(text: string, rule: NumberRule): ParsedNumber {
  let s = text.trim();
  if (s === '') return { ok: true, value: null };
  s = s.replace(UNIT_WORDS[rule.kind], '').trim();
  const n = normalise(s);
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(n)) return { ok: false, message: `"${text.trim()}" is not a number. Type ${describeRule(rule)}, or leave it empty if unknown.` };
  const value = Number(n);
  if (!Number.isFinite(value) || value < rule.min || value > rule.max) {
    return { ok: false, message: `${text.trim()} is out of range. Type ${describeRule(rule)}.` };
  }
  if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `Type a whole number (${text.trim()} has a fraction).` };
  return { ok: true, value };
}

/** Shows a stored value in a field (percent rules show 0..1 shares as 0..100). */
export function formatNumberInput(value: number | null, rule: NumberRule, share = false): string {
  if (value === null) return '';
  const shown = share ? value * 100 : value;
  return String(Math.round(shown * 1e6) / 1e6);
}
