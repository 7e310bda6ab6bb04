// A new map version, starting as a copy of the one open (e.g. Future state from Current state).
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';

export function NewVersionDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (versionId: string) => void }) {
  const { api, saver, document: map } = useEditorSession();
  const versions = useDocumentStore((s) => s.workshop?.versions ?? []);
  const versionName = useDocumentStore((s) => s.versionName);
  const [name, setName] = useState(versions.some((v) => v.name === 'Future state') ? `Version ${versions.length + 1}` : 'Future state');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the version a name.');
    await saver.flush();
    const from = map.getState().versionId!;
    const result = await api.call('map.createVersion', { fromVersionId: from, name });
    if (!result.ok) return setError(result.error.message);
    onCreated(result.value.id);
    onClose();
  };
  return (
    <Dialog title="New map version" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>It starts as a copy of &ldquo;{versionName}&rdquo;.</p>
        <label className="field">
          <span>Name</span>
          <input value={name} maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
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
          <button type="submit" className="btn btn-primary">
            Create version
          </button>
        </div>
      </form>
    </Dialog>
  );
}
