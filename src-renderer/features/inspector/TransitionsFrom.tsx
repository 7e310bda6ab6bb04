// Where buyers go from a stage: the outgoing transitions, and a keyboard way to
// add one (the alternative to dragging from the card's handle).
import type { MapDocument, Stage } from '../../../src-shared/domain/map-document';
import { connect, updateTransition } from '../../../src-shared/domain/map-ops';
import { PERCENT_RULE } from '../../../src-shared/domain/number-input';
import { optionsToRender, useReachedFor } from '../../components/long-select';
import { NumberField } from '../../components/NumberField';
import { RATE_TOLERANCE, resolveRates } from '../../../src-shared/domain/analytics';
import { formatPercent } from '../../../src-shared/domain/number-format';
import { classifyTransitions } from '../../../src-shared/domain/transition-kind';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';

const KIND_TEXT = { forward: 'forward', loop: 'loop back', exit: 'exit' } as const;

export function nodeName(doc: MapDocument, id: string): string {
  return doc.stages.find((s) => s.id === id)?.name ?? doc.outcomes.find((o) => o.id === id)?.label ?? '?';
}

export function TransitionsFrom({ doc, stage }: { doc: MapDocument; stage: Stage }) {
  const change = useDocumentStore((s) => s.change);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const select = useUiStore((s) => s.select);
  const notify = useUiStore((s) => s.notify);
  const addReach = useReachedFor();
  const kinds = classifyTransitions(doc);
  const outgoing = doc.transitions.filter((t) => t.source === stage.id);
  const taken = new Set(outgoing.map((t) => t.target));
  // The same reading of the rates as the figures use (tolerance, "rest", stalled).
  const rates = resolveRates(doc).get(stage.id);
  const targets = [
    ...doc.stages.filter((s) => s.id !== stage.id && !taken.has(s.id)).map((s) => ({ id: s.id, name: `Stage: ${s.name}` })),
    ...doc.outcomes.filter((o) => !taken.has(o.id)).map((o) => ({ id: o.id, name: `Outcome: ${o.label}` })),
  ];
  return (
    <section className="inspector-group" aria-label="Leads to">
      <h3>Leads to</h3>
      {outgoing.length === 0 && <p className="hint">Drag from the card&rsquo;s right edge to a stage or outcome, or pick one below.</p>}
      {outgoing.length > 0 && <p className="hint">Conversion: the share of buyers in this stage who take each way.</p>}
      <ul className="link-list">
        {outgoing.map((t) => (
          <li key={t.id} className="link-row" data-testid="outgoing-transition">
            <div className="link-row-name">
              <button type="button" className="link-button" onClick={() => select({ kind: 'transition', id: t.id })}>
                → {nodeName(doc, t.target)}
                {t.label ? ` (${t.label})` : ''}
              </button>
              <span className={`kind-tag kind-${kinds.get(t.id) ?? 'forward'}`}>{KIND_TEXT[kinds.get(t.id) ?? 'forward']}</span>
            </div>
            <NumberField
              label={`Conversion to ${nodeName(doc, t.target)}`}
              hideLabel
              compact
              value={t.conversionRate}
              rule={PERCENT_RULE}
              share
              unit="%"
              testId="outgoing-conversion"
              onChange={(conversionRate) => change((d) => updateTransition(d, t.id, { conversionRate }))}
            />
          </li>
        ))}
      </ul>
      {rates?.exceeds100 && (
        <p className="field-error" role="alert" data-testid="rates-too-high">
          The ways out of this stage add up to {formatPercent(rates.enteredSum)}: more than 100 %. Lower one of them.
        </p>
      )}
      {outgoing.length > 0 && rates && !rates.exceeds100 && rates.stalled !== null && rates.stalled > RATE_TOLERANCE && (
        <p className="hint">
          {formatPercent(rates.stalled)} of buyers are not assigned a way out: they count as stalled (no decision).
        </p>
      )}
      {!readOnly && targets.length > 0 && (
        <label className="field">
          <span>Add a transition to…</span>
          <select
            className="nodrag"
            value=""
            data-testid="add-transition"
            {...addReach.handlers}
            onChange={(e) => {
              const result = connect(doc, stage.id, e.target.value);
              if (!result.ok) return notify({ text: result.reason, tone: 'error' });
              change(() => result.doc, { commit: true });
            }}
          >
            <option value="">Choose a stage or outcome…</option>
            {optionsToRender(targets, addReach.reached, () => false).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
