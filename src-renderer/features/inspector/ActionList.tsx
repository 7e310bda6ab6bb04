// The actions of one stage for one side (customer, or seller side): text, lean
// class, order, and for seller-side actions the customer actions they help.
import {
  LEAN_CLASSES,
  type Action,
  type Actor,
  type LeanClass,
  type Stage,
} from '../../../src-shared/domain/map-document';
import { addAction, moveAction, newAction, removeAction, setServes, updateAction } from '../../../src-shared/domain/map-ops';
import { AddIdeaButton } from '../improvements/AddIdeaButton';
import { DocField } from '../../components/DocField';
import { useDocumentStore } from '../../store/document-store';

const LEAN_LABELS: Record<LeanClass, string> = { value: 'Value', necessary: 'Necessary', waste: 'Waste' };
const SELLER_SIDE: Actor[] = ['seller', 'marketing', 'partner'];

interface ActionListProps {
  stage: Stage;
  side: 'customer' | 'seller';
}

export function ActionList({ stage, side }: ActionListProps) {
  const change = useDocumentStore((s) => s.change);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const actions = stage.actions.filter((a) => (side === 'customer' ? a.actor === 'customer' : a.actor !== 'customer'));
  const customerActions = stage.actions.filter((a) => a.actor === 'customer');
  const title = side === 'customer' ? 'Customer actions' : 'Seller actions';
  const edit = (id: string, fields: Partial<Action>, commit = false) =>
    change((d) => updateAction(d, stage.id, id, fields), { commit });

  return (
    <section className={`inspector-group group-${side}`} aria-label={title}>
      <h3>{title}</h3>
      {actions.length === 0 && <p className="hint">{side === 'customer' ? 'What does the buyer do in this stage?' : 'What do we do to help the buyer?'}</p>}
      <ol className="item-list">
        {actions.map((a, i) => (
          <li key={a.id} className="item" data-testid={`${side}-action`} data-action-id={a.id}>
            <DocField
              label={`${side === 'customer' ? 'Customer' : 'Seller'} action ${i + 1}`}
              hideLabel
              value={a.text}
              maxLength={500}
              placeholder={side === 'customer' ? 'e.g. Shares current cost figures' : 'e.g. Sends a cost benchmark'}
              onChange={(text) => edit(a.id, { text })}
              autoFocus={a.text === '' && i === actions.length - 1}
              testId={`${side}-action-text`}
            />
            <div className="item-controls">
              {side === 'seller' && (
                <select
                  aria-label="Who does it"
                  value={a.actor}
                  disabled={readOnly}
                  onChange={(e) => edit(a.id, { actor: e.target.value as Actor }, true)}
                >
                  {SELLER_SIDE.map((actor) => (
                    <option key={actor} value={actor}>
                      {actor[0]!.toUpperCase() + actor.slice(1)}
                    </option>
                  ))}
                </select>
              )}
              <select
                aria-label="Lean class"
                value={a.leanClass ?? ''}
                disabled={readOnly}
                onChange={(e) => edit(a.id, { leanClass: (e.target.value || null) as LeanClass | null }, true)}
              >
                <option value="">Lean class…</option>
                {LEAN_CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {LEAN_LABELS[c]}
                  </option>
                ))}
              </select>
              <button type="button" className="btn-icon" aria-label="Move up" disabled={readOnly || i === 0} onClick={() => change((d) => moveAction(d, stage.id, a.id, -1), { commit: true })}>
                ↑
              </button>
              <button
                type="button"
                className="btn-icon"
                aria-label="Move down"
                disabled={readOnly || i === actions.length - 1}
                onClick={() => change((d) => moveAction(d, stage.id, a.id, 1), { commit: true })}
              >
                ↓
              </button>
              <AddIdeaButton compact target={{ kind: 'action', stageId: stage.id, actionId: a.id }} problem={a.text} label="Add an improvement idea for this action" testId="add-idea-action" />
              <button type="button" className="btn-icon btn-icon-danger" aria-label="Delete action" disabled={readOnly} onClick={() => change((d) => removeAction(d, stage.id, a.id), { commit: true })}>
                ✕
              </button>
            </div>
            {side === 'seller' && a.actor === 'seller' && (
              <fieldset className="serves" aria-label={`What "${a.text || 'this action'}" helps the customer to do`}>
                <legend>Helps the customer to…</legend>
                {customerActions.length === 0 ? (
                  <span className="hint">Add a customer action first.</span>
                ) : (
                  customerActions.map((c) => {
                    const on = a.serves.includes(c.id);
                    return (
                      <button
                        key={c.id}
                        type="button"
                        className={`chip${on ? ' chip-on' : ''}`}
                        aria-pressed={on}
                        disabled={readOnly}
                        onClick={() =>
                          change((d) => setServes(d, stage.id, a.id, on ? a.serves.filter((id) => id !== c.id) : [...a.serves, c.id]), {
                            commit: true,
                          })
                        }
                      >
                        {c.text || '(no text)'}
                      </button>
                    );
                  })
                )}
                {a.serves.length === 0 && customerActions.length > 0 && <span className="warn-tag">Helps no customer action: waste?</span>}
              </fieldset>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-add"
        disabled={readOnly}
        onClick={() => change((d) => addAction(d, stage.id, newAction(side === 'customer' ? 'customer' : 'seller')), { commit: true })}
      >
        + Add {side === 'customer' ? 'customer' : 'seller'} action
      </button>
    </section>
  );
}
