// The presenter's controls for running the room: what the room sees now, the agenda
// and the next step, the timer, voting, the parking lot and the decision log.
// Keys outside a field: S start/pause, 1 / 5 add minutes, N next agenda item.
import type React from 'react';
import type { Session } from '../../../src-shared/api/contract';
import type { AudienceView } from '../../../src-shared/domain/facilitation';
import { addAction, newAction } from '../../../src-shared/domain/map-ops';
import { useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { AgendaPanel, goToItem, nextItem } from './AgendaPanel';
import { VIEW_KINDS, viewOfKind } from './audience-labels';
import { DecisionLogPanel } from './DecisionLogPanel';
import { isField } from './room-keys';
import { ParkingLotPanel } from './ParkingLotPanel';
import { TimerPanel } from './TimerPanel';
import { useRun, type Run } from './use-run';
import { useSessionController } from './use-session';
import { VotingPanel } from './VotingPanel';

function RoomSees({ session, run, stages }: { session: Session; run: Run; stages: readonly { id: string; name: string }[] }) {
  const view = session.audience.view;
  const show = (next: AudienceView | null) => next && void run('session.update', { revision: session.revision, patch: { audience: { ...session.audience, view: next } } });
  const next = nextItem(session);
  return (
    <div className="room-sees" role="group" aria-label="What the room sees">
      <label>
        <span>The room sees</span>
        <select value={view.kind} onChange={(e) => show(viewOfKind(e.target.value as AudienceView['kind'], stages[0]?.id ?? null))}>
          {VIEW_KINDS.map((v) => (
            <option key={v.kind} value={v.kind} disabled={v.kind === 'stage' && stages.length === 0}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      {view.kind === 'stage' && (
        <select aria-label="Stage shown" value={view.stageId} onChange={(e) => show({ kind: 'stage', stageId: e.target.value })}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
      <label className="room-hide">
        <input
          type="checkbox"
          checked={session.audience.hideNumbers}
          onChange={(e) => void run('session.update', { revision: session.revision, patch: { audience: { ...session.audience, hideNumbers: e.target.checked } } })}
        />{' '}
        Hide numbers from the room
      </label>
      <button type="button" className="btn" disabled={!next} onClick={() => next && void goToItem(run, session, next)} title="Next agenda item (N)">
        {next ? `Next: ${next.title}` : 'End of the agenda'} <kbd>N</kbd>
      </button>
    </div>
  );
}

export function FacilitationConsole({ workshopId }: { workshopId: string }) {
  const ctl = useSessionController(workshopId);
  const run = useRun(ctl);
  const session = ctl.current();
  const doc = useDocumentStore((s) => s.history?.doc ?? null);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const participants = useDocumentStore((s) => s.workshop?.meta.participants ?? []);
  const change = useDocumentStore((s) => s.change);
  const ideas = useImprovementStore((s) => s.items);
  const refreshIdeas = useImprovementStore((s) => s.refresh);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!session || isField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 's') void run('session.timer', { action: session.timer.status === 'running' ? 'pause' : 'start' });
    else if (key === '1') void run('session.timer', { action: 'add', ms: 60_000 });
    else if (key === '5') void run('session.timer', { action: 'add', ms: 5 * 60_000 });
    else if (key === 'n') {
      const n = nextItem(session);
      if (n) void goToItem(run, session, n);
    } else return;
    e.preventDefault();
  };

  if (!session || !doc) {
    return <div className="fac-console loading">{ctl.problem() || 'Opening the agenda…'}</div>;
  }
  const stages = doc.stages;
  const addActionToStage = readOnly
    ? null
    : (stageId: string, text: string) => {
        const action = newAction('seller', text.slice(0, 500));
        change((d) => addAction(d, stageId, action), { commit: true });
        return action.id;
      };
  return (
    <div className="fac-console" tabIndex={-1} onKeyDown={onKeyDown} data-testid="facilitation-console">
      <RoomSees session={session} run={run} stages={stages} />
      <div className="fac-grid">
        <div className="fac-col">
          <TimerPanel session={session} ctl={ctl} run={run} />
          <AgendaPanel session={session} stages={stages} run={run} />
        </div>
        <div className="fac-col">
          <VotingPanel session={session} doc={doc} ideas={ideas} run={run} people={participants.length} />
        </div>
        <div className="fac-col">
          <ParkingLotPanel
            session={session}
            stages={stages}
            run={run}
            addActionToStage={addActionToStage}
            onIdeaMade={readOnly ? null : () => void refreshIdeas(workshopId)}
          />
          <DecisionLogPanel session={session} participants={participants.map((p) => p.name)} stages={stages} ideas={ideas} run={run} />
        </div>
      </div>
    </div>
  );
}
