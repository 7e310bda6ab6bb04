// "Add improvement idea" where the problem is: the draft started from a bottleneck, a
// stage, an action, a pain point or an arrow, prefilled with what it addresses and (at
// an arrow) a "+10 points" conversion the facilitator can change; what it is worth shows live.
import { useMemo, useState } from 'react';
import { modelEffects } from '../../../src-shared/domain/analytics/effects';
import type { ImprovementFields } from '../../../src-shared/domain/improvement';
import { Dialog } from '../../components/Dialog';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { useUiStore } from '../../store/ui-store';
import { deltaLines, formatGain } from './improvement-format';
import { ImprovementForm } from './ImprovementForm';

export function CaptureDialog({ draft }: { draft: ImprovementFields }) {
  const doc = useDocumentStore(selectDoc);
  const create = useImprovementStore((s) => s.create);
  const cancel = useImprovementStore((s) => s.cancelDraft);
  const notify = useUiStore((s) => s.notify);
  const [fields, setFields] = useState(draft);
  const [problem, setProblem] = useState('');
  const modelled = useMemo(() => (doc && fields.effects.length > 0 ? modelEffects(doc, fields.effects) : null), [doc, fields.effects]);
  if (!doc) return null;
  const add = async () => {
    if (fields.idea.trim() === '') return setProblem('Say what the idea is before adding it.');
    // The store saves the pending map edit first: the idea may address a card added a moment ago.
    const made = await create(fields);
    if (made) {
      cancel();
      notify({ text: `Idea added: ${made.idea}. See it ranked under Improvements.`, tone: 'info' }, 4000);
    }
  };
  return (
    <Dialog title="Add improvement idea" onClose={cancel} wide>
      <form
        data-testid="capture-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <ImprovementForm doc={doc} fields={fields} autoFocusIdea live onChange={(change) => setFields((f) => ({ ...f, ...change }))} />
        <p className="capture-gain" data-testid="capture-gain">
          Modelled: <strong>{formatGain(modelled, doc.process.period)}</strong>
          {modelled && modelled.gain !== null && (
            <span className="hint">
              {' '}
              ·{' '}
              {deltaLines(modelled, doc.process.period, doc.process.currency)
                .map((l) => `${l.label} ${l.text}`)
                .join(' · ')}
            </span>
          )}
          {modelled?.problems[0] && <span className="hint"> · {modelled.problems[0].message}</span>}
        </p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" data-testid="capture-add">
            Add idea
          </button>
        </div>
      </form>
    </Dialog>
  );
}
