// The workshop timer, stored as an end time (not a countdown) so every window, the
// projector and a restart agree on what is left: remaining = end − now while running.
import { z } from 'zod';

export const TimerSchema = z.discriminatedUnion('status', [
  /** Set to a duration, not started. */
  z.strictObject({ status: z.literal('idle'), durationMs: z.number().int().min(0).max(24 * 3_600_000) }),
  /** Counting down to `endsAt` (ISO time); `durationMs` is the whole time box, for the bar. */
  z.strictObject({ status: z.literal('running'), durationMs: z.number().int().min(0).max(48 * 3_600_000), endsAt: z.iso.datetime() }),
  /** Stopped with `remainingMs` left (negative: it had overrun when paused). */
  z.strictObject({
    status: z.literal('paused'),
    durationMs: z.number().int().min(0).max(48 * 3_600_000),
    remainingMs: z.number().int().min(-48 * 3_600_000).max(48 * 3_600_000),
  }),
]);
export type Timer = z.infer<typeof TimerSchema>;

export const idleTimer = (durationMs: number): Timer => ({ status: 'idle', durationMs: Math.max(0, Math.round(durationMs)) });

const iso = (ms: number) => new Date(ms).toISOString();

export function remainingMs(timer: Timer, now: number): number {
  if (timer.status === 'idle') return timer.durationMs;
  if (timer.status === 'paused') return timer.remainingMs;
  return Date.parse(timer.endsAt) - now;
}

export function startTimer(timer: Timer, now: number): Timer {
  if (timer.status === 'running') return timer;
  return { status: 'running', durationMs: timer.durationMs, endsAt: iso(now + remainingMs(timer, now)) };
}

export function pauseTimer(timer: Timer, now: number): Timer {
  if (timer.status !== 'running') return timer;
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: Math.round(remainingMs(timer, now)) };
}

/** Adds (or with a negative amount, takes away) time; the time box grows with it so the bar stays honest. */
export function addTime(timer: Timer, ms: number): Timer {
  const durationMs = Math.max(0, timer.durationMs + ms);
  if (timer.status === 'idle') return { status: 'idle', durationMs };
  if (timer.status === 'paused') return { status: 'paused', durationMs, remainingMs: Math.round(timer.remainingMs + ms) };
  return { status: 'running', durationMs, endsAt: iso(Date.parse(timer.endsAt) + ms) };
}

export const resetTimer = (timer: Timer): Timer => idleTimer(timer.durationMs);

export interface TimerView {
  status: Timer['status'];
  /** Time left, never below 0. */
  leftMs: number;
  /** How far past the end, 0 until then. */
  overrunMs: number;
  /** Share of the time box used, 0..1 (1 once overrun): the bar. */
  usedShare: number;
  ended: boolean;
}

/** What the room sees at `now`. */
export function viewTimer(timer: Timer, now: number): TimerView {
  const left = remainingMs(timer, now);
  const used = timer.durationMs === 0 ? 1 : 1 - left / timer.durationMs;
  return {
    status: timer.status,
    leftMs: Math.max(0, left),
    overrunMs: Math.max(0, -left),
    usedShare: Math.min(1, Math.max(0, used)),
    ended: timer.status !== 'idle' && left <= 0,
  };
}

/** 12:05, or 1:02:05 past an hour; rounds up while counting down so 0:00 means the end. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
