// The few globals src-shared may use: those Node 20+ and every browser provide alike.
// Only tsconfig.shared.json reads this file; the full tsconfig has them from DOM and Node.
// eslint-disable-next-line no-var -- `declare var` is how TypeScript puts a global on globalThis
declare var crypto: { randomUUID(): string };
