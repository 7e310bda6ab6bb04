// The fields of one improvement: idea, problem, metric, impact, effort, votes, owner,
// due date and expected effects. Used by the capture dialog (kept locally until
// "Add idea") and by the Improvements view (each field saved when it is left).
import { useState } from 'react';
import type { ImprovementFields, ImprovementTarget } from '../../../src-shared/domain/improvement';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { MetricFields } from '../../../src-shared/domain/metric';
import { COUNT_RULE } from '../../../src-shared/domain/number-input';
import { NumberField } from '../../components/NumberField';
import { attachmentLabel } from '../../lib/metric-format';
import { usePlanStore } from '../../store/plan-store';
import { EffectsEditor } from './EffectsEditor';
import { targetLabel, transitionName } from './improvement-format';

/** A text field that saves when it is left or Enter is pressed, not at every key. */
export function SavedText({ label, value, onSave, multiline, testId, autoFocus, live }: { label: string; value: string; onSave: (v: string) => void; multiline?: boolean; testId?: string; autoFocus?: boolean; live?: boolean }) {
  const [text, setText] = useState(value);
  // Follow a value changed elsewhere (another field, a reload) without an effect.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const save = () => text !== value && onSave(text);
  const props = {
    value: text,
    'data-testid': testId,
    autoFocus,
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      // In the capture dialog nothing is sent yet, so every key may go up at once.
      if (live) onSave(e.target.value);
    },
    onBlur: save,
  };
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" {...props} onKeyDown={(e) => e.key === 'Enter' && save()} />}
    </label>
  );
}

function ScoreSelect({ label, value, onChange, testId }: { label: string; value: number | null; onChange: (v: number | null) => void; testId: string }) {
  return (
    <label className="field field-score">
      <span>{label}</span>
      <select value={value ?? ''} data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">–</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A metric for what the idea addresses, so the review has readings to compare. */
function metricFor(doc: MapDocument, target: ImprovementTarget, idea: string): MetricFields {
  const base = { question: '', definition: '', dataSource: '', ownerRole: '', cadence: 'monthly' as const, baseline: null, target: null, suggestionKey: null };
  if (target.kind === 'transition') {
    return { ...base, attachTo: { kind: 'transition', transitionId: target.transitionId }, name: `Conversion ${transitionName(doc, target.transitionId)}`, unit: 'percent', kind: 'process' };
  }
  if (target.kind === 'process') return { ...base, attachTo: { kind: 'process' }, name: idea ? `Effect of: ${idea}` : 'Win rate', unit: 'percent', kind: 'outcome' };
  const stage = doc.stages.find((s) => s.id === target.stageId);
  return { ...base, attachTo: { kind: 'stage', stageId: target.stageId }, name: `Days per visit in ${stage?.name ?? 'the stage'}`, unit: 'days', kind: 'process' };
}

interface Props {
  doc: MapDocument;
  fields: ImprovementFields;
  onChange: (fields: Partial<ImprovementFields>) => void;
  autoFocusIdea?: boolean;
  /** Hand every key up at once (the capture dialog keeps the fields locally). */
  live?: boolean;
}

export function ImprovementForm({ doc, fields, onChange, autoFocusIdea, live }: Props) {
  const metrics = usePlanStore((s) => s.metrics);
  const createMetric = usePlanStore((s) => s.create);
  const near =
    fields.addresses.kind === 'transition' ? { transitionId: fields.addresses.transitionId } : fields.addresses.kind === 'process' ? {} : { stageId: fields.addresses.stageId };
  return (
    <div className="improvement-form">
      <p className="improvement-addresses" data-testid="improvement-addresses">
        Addresses: <strong>{targetLabel(doc, fields.addresses)}</strong>
      </p>
      <SavedText label="Idea" value={fields.idea} onSave={(idea) => onChange({ idea })} testId="improvement-idea" autoFocus={autoFocusIdea} live={live} />
      <SavedText label="Problem or waste it addresses" value={fields.problem} onSave={(problem) => onChange({ problem })} multiline testId="improvement-problem" live={live} />
      <div className="field-row">
        <ScoreSelect label="Impact (1–5)" value={fields.impact} onChange={(impact) => onChange({ impact })} testId="improvement-impact" />
        <ScoreSelect label="Effort (1–5)" value={fields.effort} onChange={(effort) => onChange({ effort })} testId="improvement-effort" />
        <NumberField detached label="Votes" rule={COUNT_RULE} value={fields.votes} testId="improvement-votes" onChange={(v) => onChange({ votes: v === null ? 0 : Math.min(10_000, v) })} />
      </div>
      <div className="field-row">
        <SavedText label="Owner role" value={fields.ownerRole} onSave={(ownerRole) => onChange({ ownerRole })} testId="improvement-owner" live={live} />
        <label className="field">
          <span>Due date</span>
          <input type="date" value={fields.dueDate ?? ''} data-testid="improvement-due" onChange={(e) => onChange({ dueDate: e.target.value || null })} />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>Metric it should move</span>
          <select value={fields.metricId ?? ''} data-testid="improvement-metric" onChange={(e) => onChange({ metricId: e.target.value || null })}>
            <option value="">No metric yet</option>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({attachmentLabel(doc, m.attachTo)})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            void createMetric(metricFor(doc, fields.addresses, fields.idea)).then((m) => {
              if (m) onChange({ metricId: m.id });
            })
          }
        >
          Create a metric for it
        </button>
      </div>
      <EffectsEditor doc={doc} effects={fields.effects} near={near} onChange={(effects) => onChange({ effects })} />
    </div>
  );
}
