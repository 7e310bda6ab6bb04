// The expected effects of an idea as the facilitator states them: a transition's
// conversion to X %, a stage's days per visit to Y, a stage's %C&A to Z. Numbers go
// through the one number reader (NumberField); a change is handed up whole.
import type { ExpectedEffect } from '../../../src-shared/domain/analytics/effects';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { DAYS_RULE, PERCENT_RULE } from '../../../src-shared/domain/number-input';
import { NumberField } from '../../components/NumberField';
import { currentConversion, transitionName } from './improvement-format';

const KIND_LABELS: Record<ExpectedEffect['kind'], string> = {
  conversion: 'Conversion of an arrow',
  'days-per-visit': 'Days per visit in a stage',
  'complete-and-accurate': '%C&A of a stage',
};

function retarget(doc: MapDocument, kind: ExpectedEffect['kind'], objectId: string | null): ExpectedEffect | null {
  if (kind === 'conversion') {
    const t = doc.transitions.find((x) => x.id === objectId) ?? doc.transitions[0];
    return t ? { kind, transitionId: t.id, rate: currentConversion(doc, t.id) ?? 0 } : null;
  }
  const s = doc.stages.find((x) => x.id === objectId) ?? doc.stages[0];
  if (!s) return null;
  return kind === 'days-per-visit' ? { kind, stageId: s.id, days: s.daysPerVisit ?? 0 } : { kind, stageId: s.id, share: s.completeAndAccurate ?? 1 };
}

interface Props {
  doc: MapDocument;
  effects: ExpectedEffect[];
  onChange: (effects: ExpectedEffect[]) => void;
  /** The object the idea addresses: a new effect starts on it. */
  near: { transitionId?: string; stageId?: string };
}

export function EffectsEditor({ doc, effects, onChange, near }: Props) {
  const put = (k: number, next: ExpectedEffect | null) => {
    if (next) onChange(effects.map((e, j) => (j === k ? next : e)));
  };
  const add = () => {
    const first = near.transitionId ? retarget(doc, 'conversion', near.transitionId) : retarget(doc, 'days-per-visit', near.stageId ?? null);
    if (first) onChange([...effects, first]);
  };
  const stageOptions = doc.stages.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name || 'Unnamed stage'}
    </option>
  ));
  const transitionOptions = doc.transitions
    .filter((t) => doc.stages.some((s) => s.id === t.source))
    .map((t) => (
      <option key={t.id} value={t.id}>
        {transitionName(doc, t.id)}
      </option>
    ));
  return (
    <fieldset className="effects-editor" data-testid="effects-editor">
      <legend>Expected effect on the map</legend>
      {effects.length === 0 && <p className="hint">No effect stated: the idea is ranked after those with one.</p>}
      {effects.map((effect, k) => {
        const objectId = effect.kind === 'conversion' ? effect.transitionId : effect.stageId;
        return (
          <div key={k} className="effect-row" data-testid="effect-row">
            <select aria-label="What it changes" value={effect.kind} onChange={(e) => put(k, retarget(doc, e.target.value as ExpectedEffect['kind'], null))}>
              {Object.entries(KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
            <select aria-label={effect.kind === 'conversion' ? 'Arrow' : 'Stage'} value={objectId} onChange={(e) => put(k, retarget(doc, effect.kind, e.target.value))}>
              {effect.kind === 'conversion' ? transitionOptions : stageOptions}
            </select>
            <span className="effect-to">to</span>
            {effect.kind === 'conversion' && (
              <NumberField detached compact hideLabel label="Conversion to" share rule={PERCENT_RULE} unit="%" value={effect.rate} testId="effect-value" onChange={(v) => v !== null && put(k, { ...effect, rate: v })} />
            )}
            {effect.kind === 'days-per-visit' && (
              <NumberField detached compact hideLabel label="Days per visit to" rule={DAYS_RULE} unit="days" value={effect.days} testId="effect-value" onChange={(v) => v !== null && put(k, { ...effect, days: v })} />
            )}
            {effect.kind === 'complete-and-accurate' && (
              <NumberField detached compact hideLabel label="%C&A to" share rule={PERCENT_RULE} unit="%" value={effect.share} testId="effect-value" onChange={(v) => v !== null && put(k, { ...effect, share: v })} />
            )}
            <button type="button" className="btn btn-small" aria-label="Remove this effect" onClick={() => onChange(effects.filter((_, j) => j !== k))}>
              ✕
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={add} disabled={doc.stages.length === 0}>
        + Effect
      </button>
    </fieldset>
  );
}
