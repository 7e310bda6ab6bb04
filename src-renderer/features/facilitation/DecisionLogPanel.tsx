// The decision log: what was decided, when, by which participants, about which stage or ideas;
// an active decision is superseded by a later one or reversed with a reason, never edited.
import { useState } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import type { Decision } from '../../../src-shared/domain/facilitation';
import type { Stage } from '../../../src-shared/domain/map-document';
import type { Run } from './use-run';

/** Today as YYYY-MM-DD on the facilitator's calendar (not UTC). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a decision can be about, by id: stages on the map and the workshop's improvement ideas. */
type NameOf = (id: string) => string | undefined;

function DecisionRow({ decision, all, nameOf, run }: { decision: Decision; all: readonly Decision[]; nameOf: NameOf; run: Run }) {
  const [mode, setMode] = useState<'none' | 'reverse' | 'supersede'>('none');
  const [reason, setReason] = useState('');
  const later = all.filter((d) => d.id !== decision.id);
  const [byId, setById] = useState(later.at(-1)?.id ?? '');
  const about = decision.links.map((l) => nameOf(l.id)).filter(Boolean);
  const replacedBy = all.find((d) => d.id === decision.supersededBy);
  return (
    <li className={`decision decision-${decision.status}`}>
      <div className="decision-what">{decision.what}</div>
      <div className="muted">
        {decision.date} · {decision.by.length ? decision.by.join(', ') : 'the room'}
        {about.length > 0 && ` · about ${about.join(', ')}`}
        {decision.status !== 'active' && <span className="badge">{decision.status}</span>}
        {replacedBy && ` by “${replacedBy.what}”`}
        {decision.status === 'reversed' && decision.reason && ` — ${decision.reason}`}
        {decision.status === 'active' && decision.reason && ` — because ${decision.reason}`}
      </div>
      {decision.status === 'active' && mode === 'none' && (
        <div className="decision-actions">
          <button type="button" className="btn btn-small" disabled={later.length === 0} onClick={() => setMode('supersede')}>
            Superseded by…
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMode('reverse')}>
            Reverse…
          </button>
        </div>
      )}
      {mode === 'reverse' && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run('decision.reverse', { id: decision.id, reason })) setMode('none');
          }}
        >
          <input autoFocus aria-label="Why it is reversed" placeholder="Why it is reversed" value={reason} onChange={(e) => setReason(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setMode('none')} />
          <button type="submit" className="btn btn-small" disabled={!reason.trim()}>
            Reverse
          </button>
        </form>
      )}
      {mode === 'supersede' && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run('decision.supersede', { id: decision.id, byId })) setMode('none');
          }}
        >
          <select autoFocus aria-label="Replaced by" value={byId} onChange={(e) => setById(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setMode('none')}>
            {later.map((d) => (
              <option key={d.id} value={d.id}>
                {d.what}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-small">
            Supersede
          </button>
        </form>
      )}
    </li>
  );
}

interface Props {
  session: Session;
  participants: readonly string[];
  stages: readonly Stage[];
  /** The workshop's improvements, so a decision about ideas (a focus-limit override) names them. */
  ideas?: readonly { id: string; idea: string }[];
  run: Run;
}

export function DecisionLogPanel({ session, participants, stages, ideas = [], run }: Props) {
  const nameOf: NameOf = (id) => stages.find((s) => s.id === id)?.name ?? ideas.find((x) => x.id === id)?.idea;
  const [what, setWhat] = useState('');
  const [date, setDate] = useState(localToday());
  const [by, setBy] = useState<ReadonlySet<string>>(new Set());
  const [link, setLink] = useState('');
  const log = async () => {
    const ok = await run('decision.add', { what, date, by: participants.filter((p) => by.has(p)), links: link ? [{ kind: 'stage', id: link }] : [] });
    if (ok) {
      setWhat('');
      setBy(new Set());
      setLink('');
    }
  };
  return (
    <section className="fac-panel" aria-labelledby="fac-decisions">
      <header className="fac-panel-head">
        <h2 id="fac-decisions">Decisions</h2>
        <span className="muted">{session.decisions.filter((d) => d.status === 'active').length} active</span>
      </header>
      <form
        className="decision-form"
        onSubmit={(e) => {
          e.preventDefault();
          void log();
        }}
      >
        <input aria-label="What was decided" placeholder="What was decided… (Enter)" value={what} onChange={(e) => setWhat(e.target.value)} />
        <div className="inline-form">
          <input aria-label="Decided on" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <select aria-label="About stage" value={link} onChange={(e) => setLink(e.target.value)}>
            <option value="">(no stage)</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="decision-by">
          <legend>Decided by</legend>
          {participants.length === 0 && <span className="muted">Add participants in Workshop details to name who decided.</span>}
          {participants.map((p) => (
            <label key={p}>
              <input type="checkbox" checked={by.has(p)} onChange={() => setBy((s) => (s.has(p) ? new Set([...s].filter((x) => x !== p)) : new Set([...s, p])))} /> {p}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={!what.trim()}>
          Log decision
        </button>
      </form>
      <ol className="decision-list">
        {session.decisions.map((d) => (
          <DecisionRow key={d.id} decision={d} all={session.decisions} nameOf={nameOf} run={run} />
        ))}
      </ol>
    </section>
  );
}
