// "Add improvement idea" where the problem is: starts the capture dialog with what the idea
// addresses, the problem text it came from, and (at an arrow or a bottleneck) a conversion
// ten points higher as a starting suggestion. Ideas belong to the workshop, so an agreed
// (read-only) map still takes them.
import type { ImprovementTarget } from '../../../src-shared/domain/improvement';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { suggestedConversion } from './improvement-format';

interface Props {
  target: ImprovementTarget;
  problem?: string;
  label?: string;
  compact?: boolean;
  testId?: string;
}

export function AddIdeaButton({ target, problem = '', label = 'Add improvement idea', compact, testId = 'add-idea' }: Props) {
  const doc = useDocumentStore(selectDoc);
  const startDraft = useImprovementStore((s) => s.startDraft);
  const count = useImprovementStore(
    (s) =>
      s.items.filter(
        (x) =>
          x.status !== 'dropped' &&
          JSON.stringify(x.addresses) === JSON.stringify(target),
      ).length,
  );
  if (!doc) return null;
  const start = () => startDraft(target, { problem, effects: target.kind === 'transition' ? suggestedConversion(doc, target.transitionId) : [] });
  return (
    <span className="add-idea">
      <button type="button" className={compact ? 'btn-icon add-idea-icon' : 'btn btn-small'} data-testid={testId} aria-label={label} title={label} onClick={start}>
        {compact ? '◆+' : `◆ ${label}`}
      </button>
      {!compact && count > 0 && <span className="hint"> {count} idea{count === 1 ? '' : 's'} already</span>}
    </span>
  );
}
