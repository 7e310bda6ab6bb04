// Withdrawing a mistaken agreement: the version becomes a draft again, and the
// agreement with the reason given stays in its history and on its report.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';

export function WithdrawDialog({ onClose, onWithdrawn }: { onClose: () => void; onWithdrawn: () => void }) {
  const { api, document: map } = useEditorSession();
  const versionName = useDocumentStore((s) => s.versionName);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say why the agreement is withdrawn: the reason is kept with the version.');
    const { versionId, revision } = map.getState();
    setBusy(true);
    const result = await api.call('map.withdrawAgreement', { versionId: versionId!, revision, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onWithdrawn();
    onClose();
  };
  return (
    <Dialog title={`Withdraw the agreement of "${versionName}"`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          The version becomes a draft again and can be changed. Who agreed, when, and the reason you give are kept in its history
          and printed on its report.
        </p>
        <label className="field">
          <span>Why is the agreement withdrawn?</span>
          <textarea
            rows={3}
            value={reason}
            maxLength={2000}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy}>
            Withdraw agreement
          </button>
        </div>
      </form>
    </Dialog>
  );
}
