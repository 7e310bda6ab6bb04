// Types for scripts/test-summary.mjs (plain JavaScript so `npm test` needs no build).
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
export function stripAnsi(text: string): string;
export function emptyCounts(): Counts;
export function parseVitest(output: string): Counts | null;
export function parsePlaywright(output: string): Counts | null;
export function countStep(step: { kind: 'single' | 'vitest' | 'playwright'; output: string; exitCode: number | null }): Counts;
export function sumCounts(all: Counts[]): Counts;
export function formatSummary(counts: Counts): string;
