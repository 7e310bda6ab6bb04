// A number field bound to the open document. What is typed is read as it is typed
// (one reader for every number, src-shared/domain/number-input): a value read as
// meant changes the map (and is saved), a refused one says why, an ambiguous one
// asks which reading was meant; neither changes anything. Empty means "not known".
// After a commit the field shows what was stored, grouped, so the reading is seen.
import { useEffect, useId, useRef, useState } from 'react';
import { formatNumberInput, parseNumberInput, shareOfPercent, type NumberRule } from '../../src-shared/domain/number-input';
import { DISPLAY_SEPARATORS } from '../lib/number-display';
import { useEditorSession } from '../session/SessionContext';
import { useDocumentStore } from '../store/document-store';
import { NumberProblem, type NumberTrouble } from './NumberProblem';

interface NumberFieldProps {
  label: string;
  value: number | null;
  rule: NumberRule;
  /** Stored as a share 0..1, shown and typed as a percentage. */
  share?: boolean;
  unit?: string;
  onChange: (value: number | null) => void;
  testId?: string;
  hideLabel?: boolean;
  compact?: boolean;
  /** Not a map number (an improvement's effect, a vote): never read-only with the map, no undo step. */
  detached?: boolean;
}

export function NumberField({ label, value, rule, share, unit, onChange, testId, hideLabel, compact, detached }: NumberFieldProps) {
  const id = useId();
  const mapReadOnly = useDocumentStore((s) => s.readOnly);
  const readOnly = detached ? false : mapReadOnly;
  const { document } = useEditorSession();
  const commit = () => {
    if (!detached) document.getState().commit();
  };
  const [text, setText] = useState(() => formatNumberInput(value, rule, share, DISPLAY_SEPARATORS));
  const [problem, setProblem] = useState<NumberTrouble | null>(null);
  const focused = useRef(false);
  /** The value when the field was entered: an unusable entry puts the map back to it. */
  const valueAtFocus = useRef<number | null>(value);

  // Follow the document (undo, another field) unless the facilitator is typing here.
  useEffect(() => {
    if (focused.current) return;
    setText(formatNumberInput(value, rule, share, DISPLAY_SEPARATORS));
    setProblem(null);
  }, [value, rule, share]);

  const toStored = (reading: number | null) => (reading === null ? null : share ? shareOfPercent(reading) : reading);

  const onType = (next: string) => {
    setText(next);
    const parsed = parseNumberInput(next, rule);
    if (!parsed.ok) {
      // "150" passes through "1" and "15" on the way: none of them may stay on the map.
      if (value !== valueAtFocus.current) onChange(valueAtFocus.current);
      return setProblem(parsed);
    }
    setProblem(null);
    const stored = toStored(parsed.value);
    if (stored !== value) onChange(stored);
  };

  /** The committed value, shown as the app writes it ("5000" becomes "5,000"). */
  const showStored = () => {
    if (!problem) setText(formatNumberInput(value, rule, share, DISPLAY_SEPARATORS));
  };

  const pick = (reading: number) => {
    const stored = toStored(reading);
    valueAtFocus.current = stored;
    setProblem(null);
    setText(formatNumberInput(stored, rule, share, DISPLAY_SEPARATORS));
    if (stored !== value) onChange(stored);
    commit();
  };

  return (
    <div className={`field number-field${compact ? ' number-field-compact' : ''}`}>
      {!hideLabel && <label htmlFor={id}>{label}</label>}
      <div className="number-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          className="nodrag"
          value={text}
          readOnly={readOnly}
          placeholder="unknown"
          aria-label={hideLabel ? label : undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid={testId}
          onFocus={() => {
            focused.current = true;
            valueAtFocus.current = value;
          }}
          onBlur={() => {
            focused.current = false;
            showStored();
            commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              showStored();
              commit();
            }
            if (e.key === 'Escape') {
              if (value !== valueAtFocus.current) onChange(valueAtFocus.current);
              setText(formatNumberInput(valueAtFocus.current, rule, share, DISPLAY_SEPARATORS));
              setProblem(null);
            }
          }}
          onChange={(e) => onType(e.target.value)}
        />
        {unit && <span className="number-unit">{unit}</span>}
      </div>
      {problem && <NumberProblem id={`${id}-problem`} problem={problem} onPick={pick} />}
    </div>
  );
}
