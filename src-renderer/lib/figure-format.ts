// How process figures read on screen and in the room. Shares use the one percent
// formatter (src-shared/domain/number-format.ts), so the screen says what the report prints.
export { formatPercent as formatShare } from '../../src-shared/domain/number-format';

export function formatDays(days: number): string {
  return `${days.toLocaleString(undefined, { maximumFractionDigits: days < 10 ? 1 : 0 })} days`;
}

export function formatCount(n: number): string {
  return n.toLocaleString(undefined, { maximumFractionDigits: n < 10 ? 1 : 0 });
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString()} ${currency}`;
  }
}
