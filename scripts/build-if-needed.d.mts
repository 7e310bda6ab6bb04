// Types for scripts/build-if-needed.mjs (plain JavaScript so `npm start` needs no build).
export function buildIfNeeded(): void;
