// This window's id: sent with each call, so the events it causes name it (it skips its echo).
export function newWindowId(random: () => string = () => crypto.randomUUID()): string {
  return `w-${random()}`;
}
