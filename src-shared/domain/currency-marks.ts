// Recognises a currency typed with an amount ("$5,000", "5000 EUR", "€ 1.200") so
// an amount in another currency than the workshop's is refused, never silently used.

/** Three-letter codes a facilitator is likely to type next to an amount. */
const KNOWN_CODES = new Set([
  'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'INR', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD',
  'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'ZAR', 'BRL', 'MXN', 'TRY', 'AED', 'ILS',
]);

/** The currencies a "$" is written for: any dollar. */
const DOLLARS = new Set(['USD', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'MXN']);

const NAMES: Record<string, string> = {
  EUR: 'euros',
  USD: 'US dollars',
  GBP: 'pounds sterling',
  CHF: 'Swiss francs',
  JPY: 'yen',
  CNY: 'yuan',
  INR: 'rupees',
  AUD: 'Australian dollars',
  CAD: 'Canadian dollars',
};

/** A currency mark as typed, and the currencies it can stand for. */
export interface CurrencyMark {
  typed: string;
  /** The codes it may mean ("$" means any dollar). */
  codes: ReadonlySet<string>;
  /** How a message names it: "US dollars", "dollars", "GBP". */
  name: string;
}

const SYMBOLS: Record<string, { codes: string[]; name: string }> = {
  '€': { codes: ['EUR'], name: 'euros' },
  '£': { codes: ['GBP'], name: 'pounds sterling' },
  '¥': { codes: ['JPY', 'CNY'], name: 'yen or yuan' },
  '₹': { codes: ['INR'], name: 'rupees' },
  $: { codes: [...DOLLARS], name: 'dollars' },
  US$: { codes: ['USD'], name: 'US dollars' },
  A$: { codes: ['AUD'], name: 'Australian dollars' },
  C$: { codes: ['CAD'], name: 'Canadian dollars' },
  NZ$: { codes: ['NZD'], name: 'New Zealand dollars' },
};

const SYMBOL_PATTERN = '(?:US\\$|NZ\\$|A\\$|C\\$|[€£¥₹$])';
const LEADING = new RegExp(`^(${SYMBOL_PATTERN}|[A-Za-z]{3}(?![A-Za-z]))\\s*`);
const TRAILING = new RegExp(`\\s*(${SYMBOL_PATTERN}|(?<![A-Za-z])[A-Za-z]{3})$`);

function markFor(typed: string, workshopCurrency: string | undefined): CurrencyMark | null {
  const symbol = SYMBOLS[typed];
  if (symbol) return { typed, codes: new Set(symbol.codes), name: symbol.name };
  const code = typed.toUpperCase();
  if (KNOWN_CODES.has(code) || code === workshopCurrency) return { typed, codes: new Set([code]), name: NAMES[code] ?? code };
  return null;
}

/**
 * Takes a currency mark off the front or the end of a typed amount. Returns the
 * rest and the mark (null when none was typed). A word that is no currency
 * (e.g. "Mio") is left in place for the rest of the reader.
 */
export function takeCurrencyMark(text: string, workshopCurrency?: string): { rest: string; mark: CurrencyMark | null } {
  const leading = LEADING.exec(text);
  if (leading) {
    const mark = markFor(leading[1]!, workshopCurrency);
    if (mark) return { rest: text.slice(leading[0].length), mark };
  }
  const trailing = TRAILING.exec(text);
  if (trailing) {
    const mark = markFor(trailing[1]!, workshopCurrency);
    if (mark) return { rest: text.slice(0, trailing.index), mark };
  }
  return { rest: text, mark: null };
}

/** The currency's name in a sentence: "euros" for EUR, the code otherwise. */
export function currencyName(code: string): string {
  return NAMES[code] ?? code;
}
