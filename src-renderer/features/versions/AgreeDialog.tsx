// Marking a map version agreed: who agreed (picked from the workshop's
// participants) and when. The version then becomes read-only.
import { useState } from 'react';
import { calendarDateProblem } from '../../../src-shared/domain/calendar-date';
import { signOffName } from '../../../src-shared/domain/sign-off';
import { Dialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function AgreeDialog({ onClose, onAgreed, onEditDetails }: { onClose: () => void; onAgreed: () => void; onEditDetails: () => void }) {
  const { api, saver, document: map } = useEditorSession();
  const workshop = useDocumentStore((s) => s.workshop);
  const versionName = useDocumentStore((s) => s.versionName);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [date, setDate] = useState(today);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!workshop) return null;
  const participants = workshop.meta.participants;

  const agree = async () => {
    if (picked.size === 0) return setError('Pick at least one person who agreed.');
    const dateProblem = calendarDateProblem(date);
    if (dateProblem) return setError(dateProblem);
    setBusy(true);
    await saver.flush();
    const { versionId, revision, saveState } = map.getState();
    if (saveState === 'conflict' || saveState === 'error') {
      setBusy(false);
      return setError('The map has changes that are not saved. Reload it first, then mark it agreed.');
    }
    const agreedBy = participants.filter((p) => picked.has(p.id)).map(signOffName);
    const result = await api.call('map.agree', { versionId: versionId!, revision, signOff: { agreedAt: date, agreedBy } });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onAgreed();
    onClose();
  };

  return (
    <Dialog title={`Mark "${versionName}" agreed`} onClose={onClose}>
      <p>
        Once agreed, this version, its measurement plan and the workshop details on its report are read-only: further changes go
        to a new version. Readings can still be added at later reviews. Exports no longer say DRAFT.
      </p>
      {participants.length === 0 ? (
        <div className="banner banner-error" role="alert">
          This workshop has no participants yet.
          <button type="button" className="btn" onClick={onEditDetails}>
            Add participants…
          </button>
        </div>
      ) : (
        <fieldset className="participants">
          <legend>Who agreed</legend>
          {participants.map((p) => (
            <label key={p.id} className="radio">
              <input
                type="checkbox"
                checked={picked.has(p.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(p.id);
                  else next.delete(p.id);
                  setPicked(next);
                }}
              />
              {p.name}
              {p.role && <span className="muted"> · {p.role}</span>}
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span>Agreed on</span>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
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
        <button type="button" className="btn btn-primary" disabled={busy || participants.length === 0} onClick={() => void agree()}>
          Mark agreed
        </button>
      </div>
    </Dialog>
  );
}
