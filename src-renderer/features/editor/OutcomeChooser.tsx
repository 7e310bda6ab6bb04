// O asks which outcome to add (Won, Lost, No decision, Disqualified) instead of
// always adding Won. Keyboard first: arrows or the first letter pick, Enter adds,
// Escape cancels; a click on an option adds it too.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { OUTCOME_KINDS, OUTCOME_LABELS, type OutcomeKind } from '../../../src-shared/domain/map-document';
import { Dialog } from '../../components/Dialog';

export function OutcomeChooser({ onChoose, onClose }: { onChoose: (kind: OutcomeKind) => void; onClose: () => void }) {
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  useEffect(() => list.current?.focus(), []);
  const count = OUTCOME_KINDS.length;
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    // The editor's own shortcuts (Enter edits the selection, letters add cards) stay out of the chooser.
    if (e.key !== 'Tab' && e.key !== 'Escape') e.stopPropagation();
    const move = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (move) {
      e.preventDefault();
      setActive((active + move + count) % count);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      setActive(e.key === 'Home' ? 0 : count - 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onChoose(OUTCOME_KINDS[active]!);
    } else if (e.key.length === 1) {
      const letter = e.key.toLowerCase();
      const found = OUTCOME_KINDS.findIndex((k) => OUTCOME_LABELS[k].toLowerCase().startsWith(letter));
      if (found >= 0) setActive(found);
    }
  };
  return (
    <Dialog title="Add which outcome?" onClose={onClose}>
      <ul
        ref={list}
        className="outcome-choices"
        role="listbox"
        tabIndex={0}
        aria-label="Outcome to add"
        aria-activedescendant={`${id}-${OUTCOME_KINDS[active]}`}
        onKeyDown={onKeyDown}
      >
        {OUTCOME_KINDS.map((kind, i) => (
          <li
            key={kind}
            id={`${id}-${kind}`}
            role="option"
            aria-selected={i === active}
            className={`outcome-choice outcome-${kind}${i === active ? ' is-active' : ''}`}
            onClick={() => onChoose(kind)}
          >
            <kbd aria-hidden="true">{OUTCOME_LABELS[kind][0]}</kbd> {OUTCOME_LABELS[kind]}
          </li>
        ))}
      </ul>
      <p className="muted">Arrow keys or the first letter choose, Enter adds it, Escape cancels.</p>
    </Dialog>
  );
}
