// The currency of the process figures: a three-letter code, checked as typed.
import { useEffect, useId, useState } from 'react';
import { useDocumentStore } from '../../store/document-store';

export function CurrencyField({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const id = useId();
  const readOnly = useDocumentStore((s) => s.readOnly);
  const [text, setText] = useState(value);
  const [error, setError] = useState('');
  useEffect(() => setText(value), [value]);
  return (
    <div className="field">
      <label htmlFor={id}>Currency</label>
      <input
        id={id}
        value={text}
        maxLength={3}
        readOnly={readOnly}
        className="currency-input"
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const next = e.target.value.toUpperCase();
          setText(next);
          if (/^[A-Z]{3}$/.test(next)) {
            setError('');
            if (next !== value) onChange(next);
          } else setError('Use a three-letter currency code such as EUR, USD or GBP.');
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
