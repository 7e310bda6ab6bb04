// The exit criteria of a stage: verifiable things the customer does that show the stage is done.
import type { Stage } from '../../../src-shared/domain/map-document';
import { addExitCriterion, moveExitCriterion, removeExitCriterion, updateExitCriterion } from '../../../src-shared/domain/map-ops';
import { DocField } from '../../components/DocField';
import { useDocumentStore } from '../../store/document-store';

export function ExitCriteriaList({ stage }: { stage: Stage }) {
  const change = useDocumentStore((s) => s.change);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const items = stage.exitCriteria;
  return (
    <section className="inspector-group group-exit" aria-label="Exit criteria">
      <h3>Exit criteria</h3>
      {items.length === 0 && <p className="hint">What does the customer do that proves this stage is done?</p>}
      <ol className="item-list">
        {items.map((c, i) => (
          <li key={c.id} className="item" data-testid="exit-criterion">
            <DocField
              label={`Exit criterion ${i + 1}`}
              hideLabel
              value={c.text}
              maxLength={500}
              placeholder="e.g. Introduces finance"
              onChange={(text) => change((d) => updateExitCriterion(d, stage.id, c.id, text))}
              autoFocus={c.text === '' && i === items.length - 1}
              testId="exit-criterion-text"
            />
            <div className="item-controls">
              <button type="button" className="btn-icon" aria-label="Move up" disabled={readOnly || i === 0} onClick={() => change((d) => moveExitCriterion(d, stage.id, c.id, -1), { commit: true })}>
                ↑
              </button>
              <button
                type="button"
                className="btn-icon"
                aria-label="Move down"
                disabled={readOnly || i === items.length - 1}
                onClick={() => change((d) => moveExitCriterion(d, stage.id, c.id, 1), { commit: true })}
              >
                ↓
              </button>
              <button type="button" className="btn-icon btn-icon-danger" aria-label="Delete exit criterion" disabled={readOnly} onClick={() => change((d) => removeExitCriterion(d, stage.id, c.id), { commit: true })}>
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-add" disabled={readOnly} onClick={() => change((d) => addExitCriterion(d, stage.id), { commit: true })}>
        + Add exit criterion
      </button>
    </section>
  );
}
