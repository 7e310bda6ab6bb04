// Identifiers for domain objects: random UUIDs, available in Node 20+ and every
// secure browser context (127.0.0.1 counts), so both sides mint ids the same way.
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
