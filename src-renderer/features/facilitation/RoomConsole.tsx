// The presenter console's strip under the toolbar: what the room sees now, the next
// agenda step, the controls that switch the audience view, hide or reveal numbers and
// objects, and the timer. It sits in the editor chrome, never over the map, and works
// on the stored session (the same records as the Run the room view).
import { useEffect, useRef, useState } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import { formatClock, viewTimer, type AudienceState, type AudienceView } from '../../../src-shared/domain/facilitation';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { useHost } from '../../session/SessionContext';
import { optionsToRender, useReachedFor } from '../../components/long-select';
import { Menu } from '../../components/Menu';
import { goToItem, nextItem } from './AgendaPanel';
import { describeView, toggleHidden } from './room-state';
import { isField } from './room-keys';
import { useRun } from './use-run';
import { useSessionController } from './use-session';

const VIEW_CHOICES: [string, string][] = [
  ['blank', 'Blank screen'],
  ['map', 'Whole map'],
  ['figures', 'Figures'],
  ['vote', 'Current vote'],
  ['timer', 'Timer'],
  ['parking-lot', 'Parking lot'],
  ['decisions', 'Decisions'],
];

function viewValue(view: AudienceView): string {
  return view.kind === 'stage' ? `stage:${view.stageId}` : view.kind;
}

function viewFromValue(value: string): AudienceView {
  if (value.startsWith('stage:')) return { kind: 'stage', stageId: value.slice('stage:'.length) };
  if (value === 'vote') return { kind: 'vote', roundId: null };
  return { kind: value } as AudienceView;
}

export function RoomConsole({ workshopId }: { workshopId: string }) {
  const ctl = useSessionController(workshopId);
  const session = ctl.current();
  if (!session) return <section className="room-console" aria-label="Presenter console" data-testid="room-console" />;
  return <RoomControls workshopId={workshopId} session={session} ctl={ctl} />;
}

function RoomControls({ workshopId, session, ctl }: { workshopId: string; session: Session; ctl: ReturnType<typeof useSessionController> }) {
  const run = useRun(ctl);
  const doc = useDocumentStore(selectDoc);
  const selection = useUiStore((s) => s.selection);
  const notify = useUiStore((s) => s.notify);
  const toggleSidePanel = useUiStore((s) => s.toggleSidePanel);
  const toggleMinimap = useUiStore((s) => s.toggleMinimap);
  const toggleMapOnly = useUiStore((s) => s.toggleMapOnly);
  const host = useHost();
  const room = { audience: session.audience, timer: session.timer };
  const setAudience = (audience: AudienceState) => void run('session.update', { revision: session.revision, patch: { audience } });
  // The switch answers the arrow keys at once: it shows the view picked while the room is
  // sent it. A pick is sent straight away; picks made while one is on its way are folded
  // into the last, sent when it is answered. (Sending every pick with the stored value
  // shown snapped the switch back between presses, so arrowing to a stage landed short.)
  const [picked, setPicked] = useState<string | null>(null);
  const sending = useRef(false);
  const waiting = useRef<string | null>(null);
  const send = (value: string) => {
    sending.current = true;
    // The controller's session, not this render's: an answer may have come in since.
    const now = ctl.current() ?? session;
    void run('session.update', { revision: now.revision, patch: { audience: { ...now.audience, view: viewFromValue(value) } } }).finally(() => {
      const next = waiting.current;
      waiting.current = null;
      if (next !== null) return send(next);
      sending.current = false;
      setPicked((p) => (p === value ? null : p));
    });
  };
  const pickView = (value: string) => {
    setPicked(value);
    if (sending.current) waiting.current = value;
    else send(value);
  };
  const roomSwitchReach = useReachedFor();
  const [now, setNow] = useState(() => ctl.now());
  useEffect(() => {
    if (room.timer.status !== 'running') return;
    // Read the clock at once (the timer just started) and then a few times a second.
    const read = () => setNow(ctl.now());
    const first = setTimeout(read, 0);
    const tick = setInterval(read, 500);
    return () => {
      clearTimeout(first);
      clearInterval(tick);
    };
  }, [room.timer, ctl]);

  // From any view, outside a field: R goes to the room switch (then the arrow keys choose,
  // a stage included), S starts or pauses the timer. The Run the room view handles its own
  // S first and marks the key as handled, so the timer is not toggled twice.
  const roomSwitch = useRef<HTMLSelectElement>(null);
  const timerRunning = room.timer.status === 'running';
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isField(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'r') roomSwitch.current?.focus();
      else if (key === 's') void run('session.timer', { action: timerRunning ? 'pause' : 'start' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, timerRunning]);

  const stageName = (id: string) => doc?.stages.find((s) => s.id === id)?.name || null;
  const roomSwitchValue = picked ?? viewValue(room.audience.view);
  const next = nextItem(session);
  const timer = viewTimer(room.timer, now);
  const sidePanelHidden = useUiStore((s) => s.sidePanelHidden);
  const minimapShown = useUiStore((s) => s.minimapShown);
  const selectedHidden = selection ? room.audience.hiddenIds.includes(selection.id) : false;
  const openAudience = async () => {
    const said = await host.openAudience(workshopId);
    notify({ text: said, tone: 'info' }, 15_000);
  };

  return (
    <section className="room-console" aria-label="Presenter console" data-testid="room-console">
      <div className="room-now">
        <span className="muted">Room sees:</span>
        {/* The switch shows the current view; this names it in full for screen readers and tests. */}
        <span className="sr-only" data-testid="room-sees">
          {describeView(room.audience.view, stageName)}
        </span>
      <select
        ref={roomSwitch}
        className="btn"
        aria-label="What the room sees"
        title={`Room sees: ${describeView(room.audience.view, stageName)} (R, then the arrow keys)`}
        value={roomSwitchValue}
        {...roomSwitchReach.handlers}
        onChange={(e) => pickView(e.target.value)}
      >
        {VIEW_CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        {optionsToRender(doc?.stages ?? [], roomSwitchReach.reached, (s) => `stage:${s.id}` === roomSwitchValue).map((s) => (
          <option key={s.id} value={`stage:${s.id}`}>
            Stage: {s.name || 'Unnamed stage'}
          </option>
        ))}
      </select>
        {room.audience.hiddenIds.length > 0 && <span className="room-tag">{room.audience.hiddenIds.length} hidden</span>}
      </div>
      {/* While the numbers are hidden the button itself is marked, so the strip keeps its one row. */}
      <button type="button" className={`btn${room.audience.hideNumbers ? ' room-hiding' : ''}`} aria-pressed={room.audience.hideNumbers} onClick={() => setAudience({ ...room.audience, hideNumbers: !room.audience.hideNumbers })}>
        {room.audience.hideNumbers ? 'Reveal numbers' : 'Hide numbers'}
      </button>
      <button
        type="button"
        className="btn"
        disabled={!selection}
        title="Hide the selected card or arrow from the room, or reveal it"
        onClick={() => selection && setAudience(toggleHidden(room.audience, selection.id))}
      >
        {selectedHidden ? 'Reveal selected' : 'Hide selected'}
      </button>
      <div className="room-timer" role="group" aria-label="Timer">
        <span className={`room-clock${timer.ended ? ' room-clock-ended' : ''}`} data-testid="room-clock">
          {timer.overrunMs > 0 ? `+${formatClock(timer.overrunMs)}` : formatClock(timer.leftMs)}
        </span>
        {room.timer.status === 'running' ? (
          <button type="button" className="btn" title="Pause the timer (S)" onClick={() => void run('session.timer', { action: 'pause' })}>
            Pause
          </button>
        ) : (
          <button type="button" className="btn" title="Start the timer (S)" onClick={() => void run('session.timer', { action: 'start' })}>
            Start
          </button>
        )}
        <button type="button" className="btn" onClick={() => void run('session.timer', { action: 'add', ms: 60_000 })}>
          +1 min
        </button>
        <button type="button" className="btn" onClick={() => void run('session.timer', { action: 'reset' })}>
          Reset
        </button>
      </div>
      <button type="button" className="btn room-next" disabled={!next} onClick={() => next && void goToItem(run, session, next)} data-testid="next-step" title={next ? `Next: ${next.title} (${next.minutes} min)` : undefined}>
        {next ? `Next: ${next.title} (${next.minutes} min)` : 'Agenda done'}
      </button>
      {/* The laptop's own layout sits here, beside the room's: fewer controls in the toolbar row. */}
      <Menu
        label="Layout"
        items={[
          { label: `${sidePanelHidden ? 'Show' : 'Hide'} the side panel (P)`, onSelect: toggleSidePanel },
          { label: `${minimapShown ? 'Hide' : 'Show'} the minimap (M)`, onSelect: toggleMinimap },
          { label: 'The map in the whole window (W)', onSelect: toggleMapOnly },
        ]}
      />
      <button type="button" className="btn btn-primary" aria-label="Open audience view" title="Open the audience view for the projector" onClick={() => void openAudience()}>
        Audience view ↗
      </button>
    </section>
  );
}
