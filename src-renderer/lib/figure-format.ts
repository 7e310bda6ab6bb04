// How process figures read on screen and in the room.
export function formatShare(share: number): string {
  return `${(share * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;
}

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
