// Voting rounds: pick what the room votes on (map objects, improvement ideas, parked
// topics; never people), type each hand count and press Enter (the next count is then
// ready to type), close the round, reveal the ranking.
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import { overCount, tally, voteCandidates, type VotableIdea, type VoteTarget, type VotingRound } from '../../../src-shared/domain/facilitation';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { Run } from './use-run';

const KIND_LABELS: Record<VoteTarget['kind'], string> = {
  stage: 'Stage',
  action: 'Action',
  'pain-point': 'Pain point',
  improvement: 'Idea',
  'parking-item': 'Parked',
};

function OpenRoundForm({ session, doc, ideas, run }: { session: Session; doc: MapDocument; ideas: readonly VotableIdea[]; run: Run }) {
  const candidates = voteCandidates(doc, session.parkingLot, ideas);
  const ideaIds = candidates.filter((c) => c.kind === 'improvement').map((c) => c.id);
  const [question, setQuestion] = useState('Where should we improve first?');
  const [votes, setVotes] = useState(3);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setPicked((p) => (p.has(id) ? new Set([...p].filter((x) => x !== id)) : new Set([...p, id])));
  const open = () => void run('vote.open', { question, votesPerPerson: votes, targets: candidates.filter((c) => picked.has(c.id)) });
  return (
    <form
      className="vote-open"
      onSubmit={(e) => {
        e.preventDefault();
        open();
      }}
    >
      <label className="field">
        <span>Question</span>
        <input value={question} onChange={(e) => setQuestion(e.target.value)} />
      </label>
      <label className="field field-inline">
        <span>Votes per person</span>
        <input type="number" min={1} max={20} value={votes} onChange={(e) => setVotes(Math.round(Number(e.target.value)) || 1)} />
      </label>
      {ideaIds.length > 0 && (
        <button type="button" className="btn btn-small" data-testid="pick-all-ideas" onClick={() => setPicked(new Set(ideaIds))}>
          Vote on the {ideaIds.length} improvement {ideaIds.length === 1 ? 'idea' : 'ideas'}
        </button>
      )}
      <fieldset className="vote-candidates">
        <legend>Vote on ({picked.size} chosen)</legend>
        {candidates.length === 0 && <p className="muted">Add stages to the map first.</p>}
        {candidates.map((c) => (
          <label key={c.id} className="vote-candidate">
            <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
            <span className="vote-kind">{KIND_LABELS[c.kind]}</span> {c.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={picked.size === 0 || !question.trim()}>
        Open the round
      </button>
    </form>
  );
}

/** Hand counts, keyboard-fast: type, Enter, next line; after the last line Enter reaches Close the round. */
function CountEntry({ round, run, people, onClosed }: { round: VotingRound; run: Run; people: number; onClosed: () => void }) {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const close = useRef<HTMLButtonElement>(null);
  const warning = overCount(round, people);
  return (
    <div className="vote-counts">
      <p className="muted">Type the hands for each line and press Enter; the next line is then ready.</p>
      <ol>
        {round.targets.map((t, i) => (
          <li key={t.id} className="vote-count-row">
            <label>
              <span className="vote-kind">{KIND_LABELS[t.kind]}</span> {t.label}
              <input
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                type="number"
                min={0}
                inputMode="numeric"
                // A round just opened is counted at once: the first count is ready to type.
                autoFocus={i === 0 && Object.keys(round.counts).length === 0}
                aria-label={`Votes for ${t.label}`}
                className="vote-count-input"
                defaultValue={round.counts[t.id] ?? ''}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  const count = Number(e.currentTarget.value);
                  if (e.currentTarget.value.trim() === '' || !Number.isInteger(count) || count < 0) return;
                  void run('vote.count', { roundId: round.id, targetId: t.id, count });
                  const next = inputs.current[i + 1];
                  if (next) {
                    next.focus();
                    next.select();
                  } else close.current?.focus();
                }}
              />
            </label>
          </li>
        ))}
      </ol>
      {warning && (
        <p className="notice-warn" role="status">
          {warning}
        </p>
      )}
      <button
        type="button"
        ref={close}
        className="btn btn-primary"
        onClick={async () => {
          if (await run('vote.close', { roundId: round.id })) onClosed();
        }}
      >
        Close the round
      </button>
    </div>
  );
}

/** The ranking; takes the focus when this window just closed the round, so Enter reveals it. */
function Results({ round, run, focusReveal }: { round: VotingRound; run: Run; focusReveal: boolean }) {
  const rows = round.results ?? tally(round);
  const reveal = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusReveal) reveal.current?.focus();
  }, [focusReveal]);
  return (
    <div className="vote-results">
      <ol>
        {rows.map((r) => (
          <li key={r.target.id}>
            <strong>#{r.rank}</strong> {r.target.label} — {r.votes} {r.votes === 1 ? 'vote' : 'votes'}
          </li>
        ))}
      </ol>
      <button type="button" ref={reveal} className="btn" aria-pressed={round.revealed} onClick={() => void run('vote.reveal', { roundId: round.id, revealed: !round.revealed })}>
        {round.revealed ? 'Hide from the room' : 'Reveal to the room'}
      </button>
    </div>
  );
}

interface VotingPanelProps {
  session: Session;
  doc: MapDocument;
  /** The workshop's improvements; those still ideas can be voted on. */
  ideas: readonly VotableIdea[];
  run: Run;
  people: number;
}

export function VotingPanel({ session, doc, ideas, run, people }: VotingPanelProps) {
  const [starting, setStarting] = useState(false);
  // The round this window closed: only then does Reveal take the focus (a round closed in another window never moves it here).
  const [closedHere, setClosedHere] = useState<string | null>(null);
  const latest = session.rounds.at(-1) ?? null;
  const showForm = starting || latest === null;
  return (
    <section className="fac-panel" aria-labelledby="fac-vote">
      <header className="fac-panel-head">
        <h2 id="fac-vote">Voting</h2>
        {latest && !showForm && latest.status === 'closed' && (
          <button type="button" className="btn btn-small" onClick={() => setStarting(true)}>
            New round
          </button>
        )}
      </header>
      {showForm ? (
        <OpenRoundForm
          session={session}
          doc={doc}
          ideas={ideas}
          run={async (m, i) => {
            const ok = await run(m, i);
            if (ok) setStarting(false);
            return ok;
          }}
        />
      ) : (
        latest && (
          <div className="vote-round" data-testid="vote-round">
            <h3>
              {latest.question} <span className="muted">({latest.votesPerPerson} per person, {latest.status})</span>
            </h3>
            {latest.status === 'open' ? (
              <CountEntry key={latest.id} round={latest} run={run} people={people} onClosed={() => setClosedHere(latest.id)} />
            ) : (
              <Results round={latest} run={run} focusReveal={closedHere === latest.id} />
            )}
          </div>
        )
      )}
    </section>
  );
}
