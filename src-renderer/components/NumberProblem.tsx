// What a number field says when what was typed cannot be used as it is: a refusal
// in a sentence, or a question with both readings to pick from (click, or Tab
// to a reading and press Enter), so nothing is guessed.
import type { ParsedNumber } from '../../src-shared/domain/number-input';

export type NumberTrouble = Exclude<ParsedNumber, { ok: true }>;

interface NumberProblemProps {
  id?: string | undefined;
  problem: NumberTrouble;
  /** Receives the chosen reading, in the field's units (percent fields: 0..100). */
  onPick: (value: number) => void;
  className?: string;
}

export function NumberProblem({ id, problem, onPick, className = '' }: NumberProblemProps) {
  if (problem.kind === 'refused') {
    return (
      <p className={`field-error ${className}`} id={id} role="alert">
        {problem.message}
      </p>
    );
  }
  return (
    <div className={`number-question ${className}`} data-testid="number-question">
      <p className="field-question" id={id} role="alert">
        {problem.message}
      </p>
      <div className="number-question-picks" role="group" aria-label="Which did you mean?">
        {problem.readings.map((r) => (
          <button
            key={r.value}
            type="button"
            className="btn btn-small"
            onClick={() => onPick(r.value)}
            // Enter and Space answer the question; the editor's own keys (Enter opens the inspector) must not see them.
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
            }}
          >
            {r.text}
          </button>
        ))}
        <span className="hint">or type it again</span>
      </div>
    </div>
  );
}
