// The agenda: the standard kaizen agenda, editable; going to an item makes it current,
// shows its audience view to the room and sets the timer to its time box.
import { useState } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import { agendaMinutes, type AgendaItem } from '../../../src-shared/domain/facilitation';
import { newId } from '../../../src-shared/domain/ids';
import type { Stage } from '../../../src-shared/domain/map-document';
import type { Run } from './use-run';
import { VIEW_KINDS, viewLabel, viewOfKind } from './audience-labels';

interface Props {
  session: Session;
  stages: readonly Stage[];
  run: Run;
}

export async function goToItem(run: Run, session: Session, item: AgendaItem): Promise<void> {
  const ok = await run('session.update', {
    revision: session.revision,
    patch: { currentItemId: item.id, audience: { ...session.audience, view: item.view } },
  });
  if (ok) await run('session.timer', { action: 'set', ms: item.minutes * 60_000 });
}

export function AgendaPanel({ session, stages, run }: Props) {
  const [editing, setEditing] = useState(false);
  const save = (agenda: AgendaItem[]) => run('session.update', { revision: session.revision, patch: { agenda } });
  const change = (id: string, fields: Partial<AgendaItem>) =>
    void save(session.agenda.map((x) => (x.id === id ? { ...x, ...fields } : x)));
  return (
    <section className="fac-panel" aria-labelledby="fac-agenda">
      <header className="fac-panel-head">
        <h2 id="fac-agenda">Agenda</h2>
        <span className="muted">{agendaMinutes(session.agenda)} min</span>
        <button type="button" className="btn btn-small" aria-pressed={editing} onClick={() => setEditing(!editing)}>
          {editing ? 'Done' : 'Edit'}
        </button>
      </header>
      <ol className="agenda-list">
        {session.agenda.map((item, i) => {
          const current = item.id === session.currentItemId;
          return (
            <li key={item.id} className={current ? 'agenda-item current' : 'agenda-item'}>
              {editing ? (
                <div className="agenda-edit">
                  <input
                    aria-label={`Title of item ${i + 1}`}
                    defaultValue={item.title}
                    onBlur={(e) => e.target.value.trim() && e.target.value !== item.title && change(item.id, { title: e.target.value.trim() })}
                  />
                  <input
                    aria-label={`Minutes for ${item.title}`}
                    type="number"
                    min={1}
                    max={480}
                    className="agenda-minutes"
                    defaultValue={item.minutes}
                    onBlur={(e) => {
                      const m = Math.round(Number(e.target.value));
                      if (m >= 1 && m <= 480 && m !== item.minutes) change(item.id, { minutes: m });
                    }}
                  />
                  <select
                    aria-label={`What the room sees during ${item.title}`}
                    value={item.view.kind}
                    onChange={(e) => {
                      const view = viewOfKind(e.target.value as AgendaItem['view']['kind'], stages[0]?.id ?? null);
                      if (view) change(item.id, { view });
                    }}
                  >
                    {VIEW_KINDS.map((v) => (
                      <option key={v.kind} value={v.kind} disabled={v.kind === 'stage' && stages.length === 0}>
                        {v.label}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="btn-icon"
                    aria-label={`Remove ${item.title}`}
                    onClick={() => void save(session.agenda.filter((x) => x.id !== item.id))}
                  >
                    ×
                  </button>
                </div>
              ) : (
                <button type="button" className="agenda-go" aria-current={current ? 'step' : undefined} onClick={() => void goToItem(run, session, item)}>
                  <span className="agenda-title">
                    {i + 1}. {item.title}
                  </span>
                  <span className="agenda-meta">
                    {item.minutes} min · {viewLabel(item.view)}
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {editing && (
        <button
          type="button"
          className="btn btn-add"
          onClick={() => void save([...session.agenda, { id: newId(), title: 'New item', minutes: 15, view: { kind: 'map' } }])}
        >
          + Agenda item
        </button>
      )}
    </section>
  );
}

/** The item after the current one (the first when none is current), or null at the end. */
export function nextItem(session: Session): AgendaItem | null {
  const at = session.agenda.findIndex((x) => x.id === session.currentItemId);
  return session.agenda[at + 1] ?? null;
}
