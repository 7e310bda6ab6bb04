// Creating a workshop: its details, and whether the map starts blank or from
// the built-in B2B buying-journey template.
import { useState } from 'react';
import { TEMPLATE_LABELS } from '../../../src-shared/domain/templates';
import { TEMPLATE_IDS, blankWorkshopMeta, type TemplateId } from '../../../src-shared/domain/workshop';
import { Dialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { WorkshopForm } from './WorkshopForm';

export function NewWorkshopDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { api } = useEditorSession();
  const [template, setTemplate] = useState<TemplateId>('b2b-buying-journey');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const today = new Date();
  const isoToday = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return (
    <Dialog title="New workshop" onClose={onClose} wide>
      <WorkshopForm
        initial={blankWorkshopMeta({ date: isoToday })}
        submitLabel="Create workshop"
        busy={busy}
        onCancel={onClose}
        onSubmit={async (meta) => {
          setBusy(true);
          const result = await api.call('workshop.create', { meta, template });
          setBusy(false);
          if (result.ok) onCreated(result.value.id);
          else setError(result.error.message);
        }}
      >
        <fieldset className="template-choice">
          <legend>Start the map from</legend>
          {TEMPLATE_IDS.map((id) => (
            <label key={id} className="radio">
              <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
              {TEMPLATE_LABELS[id]}
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </WorkshopForm>
    </Dialog>
  );
}
