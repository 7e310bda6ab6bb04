// The Improvements view: every idea of the workshop ranked by the extra wins the map
// models for it (ties: impact ÷ effort, then votes), as a list or an impact/effort
// matrix, with the selected idea's fields, effects and status beside it. Votes are
// typed as hand counts: select a row, type the number, Enter.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PlanImprovement } from '../../../src-shared/api/contract';
import { ideaCandidates } from '../../../src-shared/domain/facilitation';
import { IMPROVEMENT_STATUS_LABELS } from '../../../src-shared/domain/improvement';
import { modelledFromPrediction } from '../../../src-shared/domain/improvement-ranking';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { ConfirmDialog } from '../../components/Dialog';
import { formatDate } from '../../lib/format';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { useUiStore } from '../../store/ui-store';
import { useEditorSession } from '../../session/SessionContext';
import { ImpactEffortMatrix } from './ImpactEffortMatrix';
import { deltaLines, formatGain, targetLabel } from './improvement-format';
import { ImprovementForm } from './ImprovementForm';
import { topTwo } from './marks';
import { rankForView, type RankedImprovement } from './ranked';
import { StatusControls } from './StatusControls';
import { useRoomVotes } from './use-room-votes';

function Prediction({ item }: { item: PlanImprovement }) {
  const versions = useDocumentStore((s) => s.workshop?.versions ?? []);
  const period = useDocumentStore((s) => s.history?.doc.process.period ?? 'month');
  const p = item.prediction;
  if (!p) return null;
  const version = versions.find((v) => v.id === p.versionId)?.name ?? 'a version since deleted';
  const gain = p.gain === null ? 'not computable' : formatGain(modelledFromPrediction(p), period);
  return (
    <p className="improvement-prediction" data-testid="improvement-prediction">
      Prediction frozen {formatDate(p.frozenAt)} on map version “{version}”: <strong>{gain}</strong>
    </p>
  );
}

function Detail({ doc, row }: { doc: MapDocument; row: RankedImprovement }) {
  const update = useImprovementStore((s) => s.update);
  const remove = useImprovementStore((s) => s.remove);
  const [confirm, setConfirm] = useState(false);
  const item = row.item;
  return (
    <aside className="improvement-detail" aria-label="Selected improvement" data-testid="improvement-detail">
      <header className="improvement-detail-head">
        <h3>
          #{row.rank} {item.idea}
        </h3>
        <span className={`status-pill status-${item.status}`}>{IMPROVEMENT_STATUS_LABELS[item.status]}</span>
      </header>
      <StatusControls item={item} />
      {item.focusOverrideReason && (
        <p className="override-reason" data-testid="override-reason-shown">
          Focus limit overridden: {item.focusOverrideReason}
        </p>
      )}
      <Prediction item={item} />
      {item.status === 'trial' && (
        <div className="field-row">
          <label className="field">
            <span>Trial started</span>
            <input type="date" value={item.trialStart ?? ''} onChange={(e) => e.target.value && void update(item.id, { trialStart: e.target.value })} />
          </label>
          <label className="field">
            <span>Review on</span>
            <input type="date" value={item.reviewDate ?? ''} onChange={(e) => e.target.value && void update(item.id, { reviewDate: e.target.value })} />
          </label>
        </div>
      )}
      <ImprovementForm key={item.id} doc={doc} fields={item} onChange={(fields) => void update(item.id, fields)} />
      <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirm(true)}>
        Delete idea
      </button>
      {confirm && (
        <ConfirmDialog
          title="Delete this idea?"
          message={`"${item.idea}" and its notes are deleted for good.`}
          confirmLabel="Delete"
          onCancel={() => setConfirm(false)}
          onConfirm={() => {
            setConfirm(false);
            void remove(item.id);
          }}
        />
      )}
    </aside>
  );
}

function Row({ doc, row, selected, focusRank, typing, onSelect, onKey }: {
  doc: MapDocument;
  row: RankedImprovement;
  selected: boolean;
  focusRank: number | null;
  typing: string | null;
  onSelect: () => void;
  onKey: (e: KeyboardEvent<HTMLTableRowElement>) => void;
}) {
  const item = row.item;
  const lines = row.modelled && row.modelled.gain !== null ? deltaLines(row.modelled, doc.process.period, doc.process.currency) : [];
  return (
    <tr
      className={`improvement-row${selected ? ' is-selected' : ''}${focusRank ? ' is-focus' : ''}`}
      tabIndex={0}
      aria-selected={selected}
      data-testid="improvement-row"
      data-idea={item.idea}
      onClick={onSelect}
      onFocus={onSelect}
      onKeyDown={onKey}
    >
      <td className="col-rank">
        {row.rank}
        {focusRank && <span className="focus-tag">Top {focusRank}</span>}
      </td>
      <td className="col-idea">
        <strong data-testid="row-idea">{item.idea}</strong>
        <div className="hint">{targetLabel(doc, item.addresses)}</div>
        {item.problem && <div className="row-problem">{item.problem}</div>}
        {(item.ownerRole || item.dueDate) && (
          <div className="row-owner">
            {item.ownerRole && `Owner: ${item.ownerRole}`}
            {item.ownerRole && item.dueDate && ' · '}
            {item.dueDate && `due ${formatDate(item.dueDate)}`}
          </div>
        )}
        {item.focusOverrideReason && <div className="override-reason">Focus limit overridden: {item.focusOverrideReason}</div>}
      </td>
      <td className="col-gain" data-testid="row-gain">
        {row.gain === null ? (
          <span className="row-missing">{row.missing}</span>
        ) : (
          <>
            <strong>{formatGain(row.modelled, doc.process.period)}</strong>
            <dl className="delta-lines">
              {lines.map((l) => (
                <div key={l.label} title={l.label}>
                  <dt>{l.short}</dt>
                  <dd>{l.text}</dd>
                </div>
              ))}
            </dl>
            {row.frozen && <span className="hint">Prediction frozen when planned</span>}
            {row.missing && <span className="row-missing">{row.missing}</span>}
          </>
        )}
      </td>
      <td className="col-score">{item.impact ?? '–'}</td>
      <td className="col-score">{item.effort ?? '–'}</td>
      <td className={`col-votes${typing !== null ? ' is-typing' : ''}`} data-testid="row-votes">
        {typing !== null ? `${typing}▌` : item.votes}
        {row.votes > item.votes && (
          <span className="room-votes" title="Votes from the room's voting rounds, added to the ones typed here" data-testid="row-room-votes">
            +{row.votes - item.votes} in rounds
          </span>
        )}
      </td>
      <td>
        <span className={`status-pill status-${item.status}`} data-testid="row-status">
          {IMPROVEMENT_STATUS_LABELS[item.status]}
        </span>
      </td>
    </tr>
  );
}

/**
 * Opens a voting round on every idea still to be chosen, then goes to where the hands
 * are counted; a refusal (e.g. an idea deleted in another window) is said, nothing opens.
 */
function VoteOnIdeas({ items, workshopId, onOpened }: { items: readonly PlanImprovement[]; workshopId: string; onOpened: () => void }) {
  const { api } = useEditorSession();
  const notify = useUiStore((s) => s.notify);
  const targets = ideaCandidates(items);
  if (targets.length < 2) return null;
  const open = async () => {
    const result = await api.call('vote.open', { workshopId, question: 'Which ideas should we try first?', votesPerPerson: 3, targets });
    if (result.ok) onOpened();
    else notify({ text: result.error.message, tone: 'error' });
  };
  return (
    <button type="button" className="btn" data-testid="vote-on-ideas" onClick={() => void open()}>
      Vote on the {targets.length} ideas
    </button>
  );
}

export function ImprovementsView({ onVoteOpened }: { onVoteOpened?: () => void } = {}) {
  const doc = useDocumentStore(selectDoc);
  const items = useImprovementStore((s) => s.items);
  const conflict = useImprovementStore((s) => s.conflict);
  const workshopId = useImprovementStore((s) => s.workshopId);
  const load = useImprovementStore((s) => s.load);
  const update = useImprovementStore((s) => s.update);
  const startDraft = useImprovementStore((s) => s.startDraft);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<'list' | 'matrix'>('list');
  const [typing, setTyping] = useState<{ id: string; text: string } | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const roomVotes = useRoomVotes(workshopId);
  const ranked = useMemo(() => (doc ? rankForView(doc, items, roomVotes) : []), [doc, items, roomVotes]);
  const focus = useMemo(() => new Map(topTwo(ranked).map((r, k) => [r.id, k + 1])), [ranked]);
  if (!doc) return null;
  const selected = ranked.find((r) => r.id === selectedId) ?? null;

  const onKey = (row: RankedImprovement, k: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    const current = typing?.id === row.id ? typing.text : '';
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      setTyping({ id: row.id, text: (current + e.key).slice(0, 5) });
    } else if (e.key === 'Backspace' && current) {
      e.preventDefault();
      setTyping({ id: row.id, text: current.slice(0, -1) });
    } else if (e.key === 'Enter' && typing?.id === row.id) {
      e.preventDefault();
      setTyping(null);
      if (current !== '') void update(row.id, { votes: Math.min(10_000, Number(current)) });
    } else if (e.key === 'Escape') {
      setTyping(null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setTyping(null);
      const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr');
      rows?.[Math.max(0, Math.min(ranked.length - 1, k + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    }
  };

  return (
    <main className="improvements-view" data-testid="improvements-view">
      <div className="improvements-main">
        <header className="improvements-head">
          <h2>Improvements</h2>
          <p className="hint">
            Ranked by the extra wins the map models for each idea; ties by impact ÷ effort, then votes (typed here and from the room’s voting rounds).
            Select a row and type a number, then Enter, to record its votes.
          </p>
          <div className="view-switch" role="group" aria-label="Show improvements as">
            <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
              Ranked list
            </button>
            <button type="button" aria-pressed={mode === 'matrix'} onClick={() => setMode('matrix')}>
              Impact/effort matrix
            </button>
          </div>
          <button type="button" className="btn btn-primary" data-testid="add-process-idea" onClick={() => startDraft({ kind: 'process' })}>
            + Idea
          </button>
          {onVoteOpened && workshopId && <VoteOnIdeas items={items} workshopId={workshopId} onOpened={onVoteOpened} />}
        </header>
        {conflict && (
          <div className="banner banner-error" role="alert">
            {conflict}{' '}
            <button type="button" className="btn btn-small" onClick={() => workshopId && void load(workshopId)}>
              Reload improvements
            </button>
          </div>
        )}
        {ranked.length === 0 ? (
          <p className="empty-state">No improvement ideas yet. Add one here, or from a bottleneck in Figures, a stage or an arrow on the map.</p>
        ) : mode === 'matrix' ? (
          <ImpactEffortMatrix ranked={ranked} onSelect={setSelectedId} />
        ) : (
          <table className="improvements-table" data-testid="improvements-table">
            <thead>
              <tr>
                <th>#</th>
                <th>Idea · what it addresses · owner</th>
                <th>Modelled change per {doc.process.period}</th>
                <th>Impact</th>
                <th>Effort</th>
                <th>Votes</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {ranked.map((row, k) => (
                <Row
                  key={row.id}
                  doc={doc}
                  row={row}
                  selected={row.id === selectedId}
                  focusRank={focus.get(row.id) ?? null}
                  typing={typing?.id === row.id ? typing.text : null}
                  onSelect={() => setSelectedId(row.id)}
                  onKey={onKey(row, k)}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {selected ? (
        <Detail doc={doc} row={selected} />
      ) : (
        <aside className="improvement-detail improvement-detail-empty">
          <p className="hint">Select an idea to edit it, state its effect and move it along: idea → planned → trial → adopted or dropped. At most two are planned or on trial at once.</p>
        </aside>
      )}
    </main>
  );
}
