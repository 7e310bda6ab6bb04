// The display locale's thousands and decimal marks for number fields, so "5000"
// is shown back as "5,000" (or "5.000", "5 000") and still reads back as itself.
import { readableSeparators, type Separators } from '../../src-shared/domain/number-input';

export function displaySeparators(locale?: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return readableSeparators(parts.find((p) => p.type === 'group')?.value ?? ',', parts.find((p) => p.type === 'decimal')?.value ?? '.');
}

/** The separators of the browser's language, read once. */
export const DISPLAY_SEPARATORS: Separators = displaySeparators();
