// Number and date formatting for every export, by hand and locale-free, so the
// same report gives byte-identical files on every machine (no toLocaleString).
import { UNKNOWN, formatNumber, formatPercent } from '../number-format';
import type { ReportValue } from './report-model';

export { UNKNOWN, formatNumber, formatPercent, formatPercentPoints } from '../number-format';

export function formatDays(days: number): string {
  const text = formatNumber(days, 1);
  return `${text} ${text === '1' ? 'day' : 'days'}`;
}

/** Whole units from 1 000 up, otherwise cents when there are any: "25,000 EUR", "12.50 EUR". */
export function formatMoney(amount: number, currency: string): string {
  const cents = Math.round(amount * 100);
  const decimals = Math.abs(amount) >= 1000 || cents % 100 === 0 ? 0 : 2;
  return `${formatNumber(amount, decimals, { keepZeros: true })} ${currency}`;
}

export function formatCount(count: number): string {
  return formatNumber(count, 1);
}

/** "2026-11-22T10:00:00.000Z" → "2026-11-22 10:00 UTC"; anything unparseable is returned as it is. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const s = new Date(time).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}

/** The calendar date (YYYY-MM-DD, UTC) of an ISO timestamp, or '' when unparseable. */
export function isoDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
}

export const valueOf = {
  percent: (share: number | null): ReportValue =>
    share === null ? unknown('percent') : { text: formatPercent(share), value: share, kind: 'percent' },
  days: (days: number | null): ReportValue => (days === null ? unknown('days') : { text: formatDays(days), value: days, kind: 'days' }),
  count: (count: number | null): ReportValue => (count === null ? unknown('count') : { text: formatCount(count), value: count, kind: 'count' }),
  money: (amount: number | null, currency: string): ReportValue =>
    amount === null ? unknown('money') : { text: formatMoney(amount, currency), value: amount, kind: 'money' },
  text: (text: string): ReportValue => ({ text, value: null, kind: 'text' }),
};

/** A blank input: shown as a dash, no value. */
export function unknown(kind: ReportValue['kind'], text = UNKNOWN): ReportValue {
  return { text, value: null, kind };
}
