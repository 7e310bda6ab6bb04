// The side inspector: every field of whatever is selected, editable from the keyboard.
import {
  OUTCOME_KINDS,
  OUTCOME_LABELS,
  type MapDocument,
  type OutcomeKind,
} from '../../../src-shared/domain/map-document';
import {
  removeNodes,
  removeTransitions,
  updateOutcome,
  updateStage,
  updateStageNumbers,
  updateTransition,
} from '../../../src-shared/domain/map-ops';
import { classifyTransitions } from '../../../src-shared/domain/transition-kind';
import { DocField } from '../../components/DocField';
import { NumberField } from '../../components/NumberField';
import { DAYS_RULE, PERCENT_RULE } from '../../../src-shared/domain/number-input';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { ActionList } from './ActionList';
import { ExitCriteriaList } from './ExitCriteriaList';
import { TransitionsFrom, nodeName } from './TransitionsFrom';
import { AddIdeaButton } from '../improvements/AddIdeaButton';

/** Deletes the selected element in one undo step and clears the selection. */
function DeleteButton({ label, remove }: { label: string; remove: (doc: MapDocument) => MapDocument }) {
  const change = useDocumentStore((s) => s.change);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const select = useUiStore((s) => s.select);
  if (readOnly) return null;
  return (
    <button
      type="button"
      className="btn btn-danger"
      onClick={() => {
        change(remove, { commit: true });
        select(null);
      }}
    >
      {label}
    </button>
  );
}

function StageInspector({ doc, id }: { doc: MapDocument; id: string }) {
  const change = useDocumentStore((s) => s.change);
  const justAdded = useUiStore((s) => s.justAdded === id);
  const stage = doc.stages.find((s) => s.id === id);
  if (!stage) return null;
  const set = (fields: Parameters<typeof updateStage>[2]) => change((d) => updateStage(d, id, fields));
  return (
    <div className="inspector-body" data-testid="stage-inspector">
      <p className="inspector-kind">Stage</p>
      <DocField label="Stage name (the customer's step)" value={stage.name} maxLength={200} onChange={(name) => set({ name })} testId="stage-name" className="input-large" autoFocus={justAdded} selectOnFocus={justAdded} />
      <DocField label="Customer goal" multiline value={stage.customerGoal} maxLength={1000} onChange={(customerGoal) => set({ customerGoal })} testId="stage-goal" />
      <section className="inspector-group group-numbers" aria-label="Stage numbers">
        <h3>Numbers</h3>
        <div className="number-pair">
          <NumberField
            label="Mean days per visit"
            value={stage.daysPerVisit}
            rule={DAYS_RULE}
            unit="days"
            testId="stage-days"
            onChange={(daysPerVisit) => change((d) => updateStageNumbers(d, id, { daysPerVisit }))}
          />
          <NumberField
            label="%C&A of hand-offs in"
            value={stage.completeAndAccurate}
            rule={PERCENT_RULE}
            share
            unit="%"
            testId="stage-ca"
            onChange={(completeAndAccurate) => change((d) => updateStageNumbers(d, id, { completeAndAccurate }))}
          />
        </div>
      </section>
      <section className="inspector-group" aria-label="Improvement ideas for this stage">
        <AddIdeaButton target={{ kind: 'stage', stageId: id }} problem={stage.painPoints} testId="add-idea-stage" />
      </section>
      <ActionList stage={stage} side="customer" />
      <ActionList stage={stage} side="seller" />
      <ExitCriteriaList stage={stage} />
      <TransitionsFrom doc={doc} stage={stage} />
      <section className="inspector-group" aria-label="More about this stage">
        <h3>More about this stage</h3>
        <DocField label="Stakeholders on the buyer's side" multiline value={stage.stakeholders} maxLength={4000} onChange={(stakeholders) => set({ stakeholders })} />
        <DocField label="Tools and content used" multiline value={stage.toolsAndContent} maxLength={4000} onChange={(toolsAndContent) => set({ toolsAndContent })} />
        <DocField label="Pain points" multiline value={stage.painPoints} maxLength={4000} onChange={(painPoints) => set({ painPoints })} />
        <AddIdeaButton target={{ kind: 'pain-point', stageId: id }} problem={stage.painPoints} label="Add an idea for these pain points" testId="add-idea-pain-point" />
        <DocField label="Notes" multiline value={stage.notes} maxLength={10000} onChange={(notes) => set({ notes })} />
      </section>
      <DeleteButton label="Delete stage" remove={(d) => removeNodes(d, new Set([id]))} />
    </div>
  );
}

function OutcomeInspector({ doc, id }: { doc: MapDocument; id: string }) {
  const change = useDocumentStore((s) => s.change);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const outcome = doc.outcomes.find((o) => o.id === id);
  if (!outcome) return null;
  return (
    <div className="inspector-body" data-testid="outcome-inspector">
      <p className="inspector-kind">Outcome</p>
      <DocField label="Label" value={outcome.label} maxLength={200} onChange={(label) => change((d) => updateOutcome(d, id, { label }))} className="input-large" />
      <label className="field">
        <span>Kind of outcome</span>
        <select
          className="nodrag"
          value={outcome.kind}
          disabled={readOnly}
          onChange={(e) => change((d) => updateOutcome(d, id, { kind: e.target.value as OutcomeKind }), { commit: true })}
        >
          {OUTCOME_KINDS.map((k) => (
            <option key={k} value={k}>
              {OUTCOME_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <DeleteButton label="Delete outcome" remove={(d) => removeNodes(d, new Set([id]))} />
    </div>
  );
}

function TransitionInspector({ doc, id }: { doc: MapDocument; id: string }) {
  const change = useDocumentStore((s) => s.change);
  const select = useUiStore((s) => s.select);
  const transition = doc.transitions.find((t) => t.id === id);
  if (!transition) return null;
  const kind = classifyTransitions(doc).get(id) ?? 'forward';
  return (
    <div className="inspector-body" data-testid="transition-inspector">
      <p className="inspector-kind">Transition · {kind === 'loop' ? 'loop back' : kind}</p>
      <p className="transition-route">
        <button type="button" className="link-button" onClick={() => select({ kind: 'stage', id: transition.source })}>
          {nodeName(doc, transition.source)}
        </button>{' '}
        → <strong>{nodeName(doc, transition.target)}</strong>
      </p>
      <DocField
        label="Label (why buyers go this way)"
        value={transition.label}
        maxLength={200}
        placeholder="e.g. Re-evaluate"
        onChange={(label) => change((d) => updateTransition(d, id, { label }))}
        testId="transition-label"
        className="input-large"
      />
      <NumberField
        label="Conversion: share of buyers in the stage who go this way"
        value={transition.conversionRate}
        rule={PERCENT_RULE}
        share
        unit="%"
        testId="transition-conversion"
        onChange={(conversionRate) => change((d) => updateTransition(d, id, { conversionRate }))}
      />
      <AddIdeaButton target={{ kind: 'transition', transitionId: id }} testId="add-idea-transition" />
      <DeleteButton label="Delete transition" remove={(d) => removeTransitions(d, new Set([id]))} />
    </div>
  );
}

export function Inspector() {
  const doc = useDocumentStore(selectDoc);
  const chosen = useUiStore((s) => s.selection);
  if (!doc) return null;
  // A selection whose element is gone (deleted, undone) shows as nothing selected.
  const exists =
    chosen !== null &&
    (chosen.kind === 'stage'
      ? doc.stages.some((s) => s.id === chosen.id)
      : chosen.kind === 'outcome'
        ? doc.outcomes.some((o) => o.id === chosen.id)
        : doc.transitions.some((t) => t.id === chosen.id));
  const selection = exists ? chosen : null;
  return (
    <div className="inspector-content" role="region" aria-label="Inspector">
      {selection?.kind === 'stage' && <StageInspector key={selection.id} doc={doc} id={selection.id} />}
      {selection?.kind === 'outcome' && <OutcomeInspector key={selection.id} doc={doc} id={selection.id} />}
      {selection?.kind === 'transition' && <TransitionInspector key={selection.id} doc={doc} id={selection.id} />}
      {!selection && (
        <div className="inspector-body inspector-help">
          <h3>Nothing selected</h3>
          <p>Click a stage, an outcome or an arrow to edit it here.</p>
          <dl className="shortcuts">
            <dt><kbd>N</kbd></dt><dd>Add a stage (after the selected one)</dd>
            <dt><kbd>O</kbd></dt><dd>Add an outcome (asks which)</dd>
            <dt><kbd>Tab</kbd></dt><dd>Next card along the journey</dd>
            <dt><kbd>←</kbd><kbd>↑</kbd><kbd>→</kbd><kbd>↓</kbd></dt><dd>Move the selected card</dd>
            <dt><kbd>Enter</kbd></dt><dd>Edit the selected card</dd>
            <dt><kbd>Esc</kbd></dt><dd>From a field back to the map</dd>
            <dt><kbd>Delete</kbd></dt><dd>Delete the selection</dd>
            <dt><kbd>Ctrl</kbd>+<kbd>Z</kbd></dt><dd>Undo</dd>
            <dt><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd></dt><dd>Redo</dd>
            <dt><kbd>L</kbd></dt><dd>Tidy the layout</dd>
            <dt><kbd>F</kbd></dt><dd>Fit the map to the screen</dd>
          </dl>
        </div>
      )}
    </div>
  );
}
