// A text field bound to the open document: each keystroke changes the document
// (so it is saved within a second), and leaving the field makes one undo step.
// Escape leaves the field for the map (the selected card takes the focus).
import { useId, type KeyboardEvent } from 'react';
import { useEditorSession } from '../session/SessionContext';
import { useDocumentStore } from '../store/document-store';
import { focusCanvas } from '../canvas/canvas-focus';

interface DocFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  maxLength: number;
  placeholder?: string;
  hideLabel?: boolean;
  autoFocus?: boolean;
  testId?: string;
  className?: string;
  /** Select the whole text when focused, so typing replaces a placeholder name. */
  selectOnFocus?: boolean;
}

export function DocField({ label, value, onChange, multiline, maxLength, placeholder, hideLabel, autoFocus, testId, className, selectOnFocus }: DocFieldProps) {
  const id = useId();
  const readOnly = useDocumentStore((s) => s.readOnly);
  const session = useEditorSession();
  const commit = () => session.document.getState().commit();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !multiline) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      // Done typing: back to the map, so the next N or arrow key acts on the canvas.
      e.preventDefault();
      commit();
      focusCanvas(session.ui);
    }
  };
  const common = {
    id,
    value,
    maxLength,
    placeholder,
    readOnly,
    autoFocus,
    'data-testid': testId,
    onBlur: commit,
    onFocus: selectOnFocus ? (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.target.select() : undefined,
    onKeyDown,
    className: `nodrag ${className ?? ''}`,
    ...(hideLabel ? { 'aria-label': label } : {}),
  };
  return (
    <div className="field">
      {!hideLabel && <label htmlFor={id}>{label}</label>}
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
