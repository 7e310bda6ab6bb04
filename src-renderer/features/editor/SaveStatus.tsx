// The save state, always on screen: the facilitator never has to wonder.
import { useDocumentStore } from '../../store/document-store';

const TEXT = {
  saved: 'Saved',
  unsaved: 'Unsaved…',
  saving: 'Saving…',
  conflict: 'Not saved: changed elsewhere',
  locked: 'Agreed: read-only',
  error: 'Not saved',
} as const;

export function SaveStatus() {
  const state = useDocumentStore((s) => s.saveState);
  const message = useDocumentStore((s) => s.saveMessage);
  return (
    <span className={`save-status save-${state}`} data-testid="save-status" data-state={state} role="status" title={message || undefined}>
      {TEXT[state]}
      {state === 'error' && message ? `: ${message}` : ''}
    </span>
  );
}
