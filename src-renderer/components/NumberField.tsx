// A number field bound to the open document. What is typed is checked as it is
// typed: a valid value changes the map (and is saved), an invalid one shows what
// to type instead and changes nothing. Empty means "not known".
import { useEffect, useId, useRef, useState } from 'react';
import { formatNumberInput, parseNumberInput, type NumberRule } from '../../src-shared/domain/number-input';
import { useDocumentStore } from '../store/document-store';

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
}

export function NumberField({ label, value, rule, share, unit, onChange, testId, hideLabel, compact }: NumberFieldProps) {
  const id = useId();
  const readOnly = useDocumentStore((s) => s.readOnly);
  const [text, setText] = useState(() => formatNumberInput(value, rule, share));
  const [error, setError] = useState('');
  const focused = useRef(false);
  /** The value when the field was entered: an invalid entry puts the map back to it. */
  const valueAtFocus = useRef<number | null>(value);

  // Follow the document (undo, another field) unless the facilitator is typing here.
  useEffect(() => {
    if (focused.current) return;
    setText(formatNumberInput(value, rule, share));
    setError('');
  }, [value, rule, share]);

  const onType = (next: string) => {
    setText(next);
    const parsed = parseNumberInput(next, rule);
    if (!parsed.ok) {
      // "150" passes through "1" and "15" on the way: none of them may stay on the map.
      if (value !== valueAtFocus.current) onChange(valueAtFocus.current);
      return setError(parsed.message);
    }
    setError('');
    const stored = parsed.value === null ? null : share ? parsed.value / 100 : parsed.value;
    if (stored !== value) onChange(stored);
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
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={testId}
          onFocus={() => {
            focused.current = true;
            valueAtFocus.current = value;
          }}
          onBlur={() => {
            focused.current = false;
            useDocumentStore.getState().commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') useDocumentStore.getState().commit();
            if (e.key === 'Escape') {
              if (value !== valueAtFocus.current) onChange(valueAtFocus.current);
              setText(formatNumberInput(valueAtFocus.current, rule, share));
              setError('');
            }
          }}
          onChange={(e) => onType(e.target.value)}
        />
        {unit && <span className="number-unit">{unit}</span>}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
