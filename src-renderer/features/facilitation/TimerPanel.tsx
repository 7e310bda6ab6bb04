// Timer controls: large digits and a bar counting down to the stored end time (the
// backend's clock), overrun shown in minutes past, and a soft chime once at the end.
import { useEffect, useRef } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import { formatClock, viewTimer } from '../../../src-shared/domain/facilitation';
import type { SessionController } from './session-controller';
import type { Run } from './use-run';
import { useTick } from './use-session';

/** Two quiet falling notes: noticeable in a room, never an alarm. Silent where audio is unavailable. */
function chime(): void {
  try {
    const ctx = new AudioContext();
    [660, 523].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = hz;
      const at = ctx.currentTime + i * 0.35;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.08, at + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.65);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio device: the panel's colour change still signals the end.
  }
}

export function TimerPanel({ session, ctl, run }: { session: Session; ctl: SessionController; run: Run }) {
  useTick(250);
  const view = viewTimer(session.timer, ctl.now());
  const wasEnded = useRef(view.ended);
  useEffect(() => {
    if (view.ended && !wasEnded.current && session.timer.status === 'running') chime();
    wasEnded.current = view.ended;
  }, [view.ended, session.timer.status]);
  const running = session.timer.status === 'running';
  const digits = view.overrunMs > 0 ? `+${formatClock(view.overrunMs)}` : formatClock(view.leftMs);
  return (
    <section className={`fac-panel timer-panel${view.ended ? ' timer-ended' : ''}`} aria-labelledby="fac-timer">
      <header className="fac-panel-head">
        <h2 id="fac-timer">Timer</h2>
        <span className="muted">{session.timer.status === 'idle' ? 'not started' : session.timer.status}</span>
      </header>
      <div className="timer-digits" data-testid="timer-digits" aria-live="off">
        {digits}
      </div>
      <div className="timer-bar" role="progressbar" aria-label="Time used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(view.usedShare * 100)}>
        <div className="timer-bar-fill" style={{ width: `${view.usedShare * 100}%` }} />
      </div>
      {view.overrunMs > 0 && <p className="timer-overrun" role="status">Over time by {formatClock(view.overrunMs)}</p>}
      <div className="timer-controls">
        <button type="button" className="btn btn-primary" onClick={() => void run('session.timer', { action: running ? 'pause' : 'start' })} title="Start or pause (S)">
          {running ? 'Pause' : 'Start'} <kbd>S</kbd>
        </button>
        <button type="button" className="btn" onClick={() => void run('session.timer', { action: 'add', ms: 60_000 })} title="One more minute (1)">
          +1 min <kbd>1</kbd>
        </button>
        <button type="button" className="btn" onClick={() => void run('session.timer', { action: 'add', ms: 5 * 60_000 })} title="Five more minutes (5)">
          +5 min <kbd>5</kbd>
        </button>
        <button type="button" className="btn" onClick={() => void run('session.timer', { action: 'reset' })}>
          Reset
        </button>
      </div>
    </section>
  );
}
