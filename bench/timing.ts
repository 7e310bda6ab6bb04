// Median wall times for the Node benchmarks: one warm-up call, then `runs` timed calls.
// The call gets its run number (0 is the warm-up), so a benchmark can vary its input per run.
import { performance } from 'node:perf_hooks';

const medianOf = (times: number[]): number => {
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
};

/** Median wall time of `runs` calls, in ms, after one warm-up call. */
export function median(fn: (run: number) => unknown, runs: number): number {
  fn(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return medianOf(times);
}

/** The same for an asynchronous call, awaited each time. */
export async function medianAsync(fn: (run: number) => Promise<unknown>, runs: number): Promise<number> {
  await fn(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return medianOf(times);
}
