// The parking lot: park a topic (optionally about a stage) in one line and Enter;
// later make it an improvement idea or a stage action on the map, mark it resolved,
// or discard it.
import { useState } from 'react';
import type { Session } from '../../../src-shared/api/contract';
import type { ParkingItem } from '../../../src-shared/domain/facilitation';
import type { Stage } from '../../../src-shared/domain/map-document';
import type { Run } from './use-run';

const STATUS_LABELS: Record<ParkingItem['status'], string> = { open: 'open', converted: 'converted', resolved: 'resolved', discarded: 'discarded' };

interface Props {
  session: Session;
  stages: readonly Stage[];
  run: Run;
  /** Adds the text as an action of the stage on the map (saved with the map); null when the map is read-only. */
  addActionToStage: ((stageId: string, text: string) => string) | null;
  /** Told once a topic became an improvement idea (the improvements re-read); null when the workshop is read-only. */
  onIdeaMade: (() => void) | null;
}

function ParkedRow({ item, stages, run, addActionToStage, onIdeaMade }: { item: ParkingItem } & Omit<Props, 'session'>) {
  const [stageId, setStageId] = useState(item.link?.kind === 'stage' ? item.link.id : (stages[0]?.id ?? ''));
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name ?? 'a stage no longer on the map';
  const move = (status: ParkingItem['status'], convertedTo: ParkingItem['convertedTo'] = null) => run('parking.move', { id: item.id, status, convertedTo });
  return (
    <li className={`parked parked-${item.status}`}>
      <div className="parked-text">
        {item.text}
        {item.link?.kind === 'stage' && <span className="muted"> · about {stageName(item.link.id)}</span>}
        {item.status !== 'open' && <span className="badge">{STATUS_LABELS[item.status]}</span>}
        {item.convertedTo && <span className="muted"> · {item.convertedTo.kind === 'improvement' ? 'now an improvement idea' : 'now a stage action'}</span>}
      </div>
      {item.status === 'open' ? (
        <div className="parked-actions">
          {onIdeaMade && (
            <button
              type="button"
              className="btn btn-small btn-primary"
              aria-label={`Make "${item.text}" an improvement idea`}
              onClick={async () => {
                if (await run('parking.convertToIdea', { id: item.id })) onIdeaMade();
              }}
            >
              Make it an idea
            </button>
          )}
          {addActionToStage && stages.length > 0 && (
            <>
              <select aria-label={`Stage for "${item.text}"`} value={stageId} onChange={(e) => setStageId(e.target.value)}>
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  const actionId = addActionToStage(stageId, item.text);
                  void move('converted', { kind: 'action', id: actionId });
                }}
              >
                Make it a stage action
              </button>
            </>
          )}
          <button type="button" className="btn btn-small" onClick={() => void move('resolved')}>
            Resolved
          </button>
          <button type="button" className="btn btn-small" onClick={() => void move('discarded')}>
            Discard
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => void move('open')}>
          Reopen
        </button>
      )}
    </li>
  );
}

export function ParkingLotPanel({ session, stages, run, addActionToStage, onIdeaMade }: Props) {
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const add = async () => {
    if (!text.trim()) return;
    const ok = await run('parking.add', { text: text.trim(), link: link ? { kind: 'stage', id: link } : null });
    if (ok) setText('');
  };
  const open = session.parkingLot.filter((p) => p.status === 'open');
  return (
    <section className="fac-panel" aria-labelledby="fac-parking">
      <header className="fac-panel-head">
        <h2 id="fac-parking">Parking lot</h2>
        <span className="muted">{open.length} open</span>
      </header>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label="Park a topic" placeholder="Park a topic… (Enter)" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="About stage" value={link} onChange={(e) => setLink(e.target.value)}>
          <option value="">(no stage)</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn" disabled={!text.trim()}>
          Park
        </button>
      </form>
      <ul className="parked-list">
        {session.parkingLot.map((item) => (
          <ParkedRow key={item.id} item={item} stages={stages} run={run} addActionToStage={addActionToStage} onIdeaMade={onIdeaMade} />
        ))}
      </ul>
    </section>
  );
}
