// Editing the workshop's own details (title, client, date, scope, participants…).
// Saved on the revision they were read at: if another window saved first, nothing
// is overwritten and the dialog offers to reload the latest details.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';
import { WorkshopForm } from '../library/WorkshopForm';

export function WorkshopDetailsDialog({ onClose }: { onClose: () => void }) {
  const { api, document: map } = useEditorSession();
  const workshop = useDocumentStore((s) => s.workshop);
  const [error, setError] = useState('');
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!workshop) return null;
  const allAgreed = workshop.versions.length > 0 && workshop.versions.every((v) => v.signOff !== null);
  const reload = async () => {
    const latest = await api.call('workshop.get', { id: workshop.id });
    if (!latest.ok) return setError(latest.error.message);
    map.setState({ workshop: latest.value });
    setStale(false);
    setError('');
    onClose();
  };
  return (
    <Dialog title="Workshop details" onClose={onClose} wide>
      <WorkshopForm
        initial={workshop.meta}
        submitLabel="Save details"
        showParticipants
        busy={busy}
        onCancel={onClose}
        onSubmit={async (meta) => {
          setBusy(true);
          const result = await api.call('workshop.update', { id: workshop.id, revision: workshop.revision, meta });
          setBusy(false);
          if (!result.ok) {
            setStale(result.error.code === 'CONFLICT');
            return setError(result.error.message);
          }
          map.setState({ workshop: result.value });
          onClose();
        }}
      >
        {allAgreed && (
          <p className="hint" data-testid="facts-locked">
            Every map version of this workshop is agreed, so the details printed on its reports are locked (notes are not
            printed and can change). Make a new version to change them; agreed reports keep the details they were agreed with.
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
            {stale && (
              <button type="button" className="btn btn-small" onClick={() => void reload()}>
                Reload the latest details
              </button>
            )}
          </p>
        )}
      </WorkshopForm>
    </Dialog>
  );
}
