// Editing the workshop's own details (title, client, date, scope, participants…).
import { useState } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useDocumentStore } from '../../store/document-store';
import { WorkshopForm } from '../library/WorkshopForm';

export function WorkshopDetailsDialog({ onClose }: { onClose: () => void }) {
  const workshop = useDocumentStore((s) => s.workshop);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!workshop) return null;
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
          const result = await api().call('workshop.update', { id: workshop.id, revision: workshop.revision, meta });
          setBusy(false);
          if (!result.ok) return setError(result.error.message);
          useDocumentStore.setState({ workshop: result.value });
          onClose();
        }}
      >
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </WorkshopForm>
    </Dialog>
  );
}
