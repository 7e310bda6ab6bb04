// Dates as a facilitator reads them.
export function formatDate(isoDate: string): string {
  if (!isoDate) return 'No date';
  const d = new Date(`${isoDate}T00:00:00`);
  return Number.isNaN(d.getTime()) ? isoDate : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatEdited(isoTimestamp: string, now: Date = new Date()): string {
  const t = new Date(isoTimestamp);
  const minutes = Math.round((now.getTime() - t.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return t.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
