// The few globals src-shared may use: those Node 20+ and every browser provide alike.
// Only tsconfig.shared.json reads this file; the full tsconfig has them from DOM and Node.
declare var crypto: { randomUUID(): string };
