// Managing the map versions of a workshop: rename a draft, delete a version (never
// the last; an agreed one only after saying what is lost), and read each version's
// agreement history.
import { useState } from 'react';
import type { MapVersionSummary } from '../../../src-shared/api/contract';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { formatDate } from '../../lib/format';
import { useDocumentStore } from '../../store/document-store';

interface Props {
  onClose: () => void;
  /** The workshop changed: reload it (and open `versionId` when the open one was deleted). */
  onChanged: (versionId?: string) => void;
}

function VersionRow({ version, onChanged, onDelete }: { version: MapVersionSummary; onChanged: Props['onChanged']; onDelete: () => void }) {
  const { api } = useEditorSession();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState('');
  const isLast = useDocumentStore((s) => (s.workshop?.versions.length ?? 0) <= 1);
  const rename = async () => {
    if (name === null || name.trim() === version.name) return setName(null);
    const result = await api.call('map.renameVersion', { versionId: version.id, name });
    if (!result.ok) return setError(result.error.message);
    setName(null);
    setError('');
    onChanged();
  };
  return (
    <li data-testid="version-row">
      <div className="version-name">
        {name === null ? (
          <strong>{version.name}</strong>
        ) : (
          <input
            value={name}
            maxLength={200}
            autoFocus
            aria-label={`New name of ${version.name}`}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void rename();
              if (e.key === 'Escape') setName(null);
            }}
          />
        )}
        {version.signOff && (
          <span className="muted">
            {' '}
            · agreed on {formatDate(version.signOff.agreedAt)} by {version.signOff.agreedBy.join(', ')}
          </span>
        )}
        {version.agreementHistory.length > 0 && (
          <ul className="agreement-history small muted">
            {version.agreementHistory.map((w, i) => (
              <li key={i}>
                Agreement of {formatDate(w.agreedAt)} withdrawn on {formatDate(w.withdrawnAt.slice(0, 10))}: {w.reason}
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {name === null ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={version.signOff !== null}
          title={version.signOff ? 'An agreed version keeps the name it was agreed with' : undefined}
          onClick={() => setName(version.name)}
          aria-label={`Rename ${version.name}`}
        >
          Rename
        </button>
      ) : (
        <button type="button" className="btn btn-small btn-primary" onClick={() => void rename()}>
          Save name
        </button>
      )}
      <button
        type="button"
        className="btn btn-small btn-danger"
        disabled={isLast}
        title={isLast ? 'A workshop keeps at least one version' : undefined}
        onClick={onDelete}
        aria-label={`Delete ${version.name}`}
      >
        Delete
      </button>
    </li>
  );
}

export function VersionsDialog({ onClose, onChanged }: Props) {
  const { api, saver } = useEditorSession();
  const versions = useDocumentStore((s) => s.workshop?.versions ?? []);
  const openId = useDocumentStore((s) => s.versionId);
  const [deleting, setDeleting] = useState<MapVersionSummary | null>(null);
  const [error, setError] = useState('');

  const remove = async (version: MapVersionSummary) => {
    setDeleting(null);
    await saver.flush();
    const result = await api.call('map.deleteVersion', { versionId: version.id, confirmAgreed: version.signOff !== null });
    if (!result.ok) return setError(result.error.message);
    setError('');
    onChanged(version.id === openId ? versions.find((v) => v.id !== version.id)?.id : undefined);
  };

  if (deleting) {
    const agreed = deleting.signOff !== null;
    return (
      <ConfirmDialog
        title={`Delete "${deleting.name}"?`}
        message={
          agreed
            ? `"${deleting.name}" is agreed (on ${formatDate(deleting.signOff!.agreedAt)} by ${deleting.signOff!.agreedBy.join(', ')}). ` +
              'Deleting it loses the agreed map, its measurement plan with every reading, and the record of who agreed. This cannot be undone.'
            : `"${deleting.name}" and its measurement plan with every reading will be deleted. This cannot be undone.`
        }
        confirmLabel={agreed ? 'Delete the agreed version' : 'Delete version'}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void remove(deleting)}
      />
    );
  }
  return (
    <Dialog title="Map versions" onClose={onClose} wide>
      <ul className="version-list">
        {versions.map((v) => (
          <VersionRow key={v.id} version={v} onChanged={onChanged} onDelete={() => setDeleting(v)} />
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
