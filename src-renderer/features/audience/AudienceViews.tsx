// The views the projector shows, read-only and in large type: the whole map, one
// focused stage, the figures, the vote, the timer, the parking lot and the decisions.
import { useEffect, useState } from 'react';
import { analyseProcess } from '../../../src-shared/domain/analytics';
import { formatClock, tally, viewTimer, type Decision, type ParkingItem, type Timer, type VotingRound } from '../../../src-shared/domain/facilitation';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { formatCount, formatDays, formatMoney, formatShare } from '../../lib/figure-format';
import { audienceLayout, audienceMapModel } from './audience-map-model';

export function AudienceMap({ doc, hiddenIds, hideNumbers }: { doc: MapDocument; hiddenIds: readonly string[]; hideNumbers: boolean }) {
  const model = audienceMapModel(doc, hiddenIds, hideNumbers);
  const layout = audienceLayout(model.stages.length);
  const rows = layout.kind === 'rows';
  const stages = (
    <ol className="aud-stages" style={rows ? undefined : { gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))` }}>
      {model.stages.map((s, k) => (
        <li key={s.id} className="aud-stage" data-testid="audience-stage">
          <h2 className="aud-stage-name">
            <span className="aud-stage-number">{k + 1}</span> {s.name}
          </h2>
          {!rows && <p className="aud-line">{s.counts}</p>}
          {!rows && s.days && <p className="aud-line">{s.days}</p>}
          {s.exits.map((x) => (
            <p key={x.id} className="aud-line aud-exit">
              {x.text}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
  const outcomes = model.outcomes.length > 0 && (
    <ul className="aud-outcomes" aria-label="Outcomes">
      {model.outcomes.map((o) => (
        <li key={o.id} className={`aud-outcome aud-outcome-${o.kind}`}>
          {o.label}
        </li>
      ))}
    </ul>
  );
  return (
    <section className={`aud-map aud-map-${layout.kind}`} data-testid="audience-map" aria-label="The buying journey">
      {rows ? (
        // The outcomes flow in the columns after the last stage, filling the shorter column
        // instead of adding a line below both (which ran off a 720-px projector at 15 stages).
        <div className="aud-columns" style={{ columnCount: layout.columns }}>
          {stages}
          {outcomes}
        </div>
      ) : (
        <>
          {stages}
          {outcomes}
        </>
      )}
    </section>
  );
}

export function AudienceStage({ doc, stageId }: { doc: MapDocument; stageId: string }) {
  const stage = doc.stages.find((s) => s.id === stageId);
  if (!stage) return <AudienceMessage text="This stage is no longer on the map." />;
  const customer = stage.actions.filter((a) => a.actor === 'customer');
  const others = stage.actions.filter((a) => a.actor !== 'customer');
  const list = (title: string, items: { id: string; text: string }[]) => (
    <section className="aud-focus-list">
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="aud-focus-empty">None yet</p>
      ) : (
        <ul>
          {items.map((x) => (
            <li key={x.id}>{x.text || '…'}</li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <section className="aud-focus" data-testid="audience-focus">
      <h2 className="aud-focus-name">{stage.name || 'Unnamed stage'}</h2>
      <p className="aud-focus-goal">{stage.customerGoal ? `Customer goal: ${stage.customerGoal}` : 'Customer goal: not written yet'}</p>
      <div className="aud-focus-columns">
        {list('Customer actions', customer)}
        {list('Seller actions', others)}
        {list('Exit criteria', stage.exitCriteria)}
      </div>
    </section>
  );
}

export function AudienceFigures({ doc, hideNumbers }: { doc: MapDocument; hideNumbers: boolean }) {
  if (hideNumbers) return <AudienceMessage text="The numbers are hidden for now." />;
  const f = analyseProcess(doc, { metrics: [] }).figures;
  const rows: [string, string][] = [
    ['Win rate', f.winRate.status === 'ok' ? formatShare(f.winRate.value) : '—'],
    ['No decision or stalled', f.noDecisionShare.status === 'ok' ? formatShare(f.noDecisionShare.value) : '—'],
    ['Lost', f.lostShare.status === 'ok' ? formatShare(f.lostShare.value) : '—'],
    ['Days to a win', f.daysToWin.status === 'ok' ? formatDays(f.daysToWin.value) : '—'],
    [`Wins per ${f.period}`, f.winsPerPeriod.status === 'ok' ? formatCount(f.winsPerPeriod.value) : '—'],
    [`Revenue per ${f.period}`, f.revenuePerPeriod.status === 'ok' ? formatMoney(f.revenuePerPeriod.value, f.currency) : '—'],
  ];
  return (
    <section className="aud-figures" data-testid="audience-figures">
      {rows.map(([label, value]) => (
        <div key={label} className="aud-figure">
          <div className="aud-figure-value">{value}</div>
          <div className="aud-figure-label">{label}</div>
        </div>
      ))}
    </section>
  );
}

export function AudienceVote({ round }: { round: VotingRound | null }) {
  if (!round) return <AudienceMessage text="No vote is open." />;
  const rows = round.results ?? tally(round);
  return (
    <section className="aud-vote" data-testid="audience-vote">
      <h2 className="aud-title">{round.question}</h2>
      <p className="aud-subtitle">
        {round.votesPerPerson} {round.votesPerPerson === 1 ? 'vote' : 'votes'} each · {round.status === 'open' ? 'voting is open' : 'voting is closed'}
      </p>
      {round.revealed ? (
        <ol className="aud-ranking" data-testid="audience-ranking">
          {rows.map((r) => (
            <li key={r.target.id}>
              <span className="aud-rank">{r.rank}.</span> <span className="aud-rank-label">{r.target.label}</span>{' '}
              <span className="aud-votes">{r.votes}</span>
            </li>
          ))}
        </ol>
      ) : (
        <ul className="aud-targets">
          {round.targets.map((t) => (
            <li key={t.id}>{t.label}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Large digits and a bar; the end is shown by a calm colour change, overrun counts on. */
export function AudienceTimer({ timer, now: clock }: { timer: Timer; now: () => number }) {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (timer.status !== 'running') return;
    // Read the clock at once (the timer just started) and then a few times a second.
    const read = () => setNow(clock());
    const first = setTimeout(read, 0);
    const tick = setInterval(read, 250);
    return () => {
      clearTimeout(first);
      clearInterval(tick);
    };
  }, [timer, clock]);
  const view = viewTimer(timer, now);
  return (
    <section className={`aud-timer${view.ended ? ' aud-timer-ended' : ''}`} data-testid="audience-timer" data-status={view.status}>
      <div className="aud-clock" data-testid="audience-clock">
        {view.overrunMs > 0 ? `+${formatClock(view.overrunMs)}` : formatClock(view.leftMs)}
      </div>
      <div className="aud-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(view.usedShare * 100)}>
        <div className="aud-bar-used" style={{ width: `${view.usedShare * 100}%` }} />
      </div>
      <p className="aud-subtitle">{view.overrunMs > 0 ? 'Time is up — over time' : view.ended ? 'Time is up' : view.status === 'paused' ? 'Paused' : view.status === 'idle' ? 'Ready' : ' '}</p>
    </section>
  );
}

export function AudienceParkingLot({ items }: { items: ParkingItem[] }) {
  const open = items.filter((x) => x.status === 'open');
  if (open.length === 0) return <AudienceMessage text="The parking lot is empty." />;
  return (
    <section className="aud-list" data-testid="audience-parking-lot">
      <h2 className="aud-title">Parking lot</h2>
      <ul>
        {open.map((x) => (
          <li key={x.id}>{x.text}</li>
        ))}
      </ul>
    </section>
  );
}

export function AudienceDecisions({ decisions }: { decisions: Decision[] }) {
  const active = decisions.filter((d) => d.status === 'active');
  if (active.length === 0) return <AudienceMessage text="No decisions recorded yet." />;
  return (
    <section className="aud-list" data-testid="audience-decisions">
      <h2 className="aud-title">Decisions</h2>
      <ul>
        {active.map((d) => (
          <li key={d.id}>
            {d.what}
            {d.by.length > 0 && <span className="aud-by"> — {d.by.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AudienceMessage({ text }: { text: string }) {
  return (
    <p className="aud-message" data-testid="audience-message">
      {text}
    </p>
  );
}
