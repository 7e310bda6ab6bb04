// The workshop library: every workshop on this machine, most recently edited
// first, with search, create, rename, duplicate, delete (to the trash), import and export.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkshopSummary } from '../../../src-shared/api/contract';
import { ConfirmDialog } from '../../components/Dialog';
import { useEditorSession } from '../../session/SessionContext';
import { formatDate, formatEdited } from '../../lib/format';
import { useUiStore } from '../../store/ui-store';
import { exportWorkshopFile, importWorkshopFile } from './import-export';
import { NewWorkshopDialog } from './NewWorkshopDialog';

interface LibraryPageProps {
  onOpen: (id: string) => void;
}

function RenameField({ workshop, onDone }: { workshop: WorkshopSummary; onDone: (title: string | null) => void }) {
  const [title, setTitle] = useState(workshop.title);
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(title);
      }}
    >
      <input
        aria-label="New title"
        autoFocus
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
        onBlur={() => onDone(title)}
      />
    </form>
  );
}

export function LibraryPage({ onOpen }: LibraryPageProps) {
  const [query, setQuery] = useState('');
  const [trash, setTrash] = useState(false);
  const [workshops, setWorkshops] = useState<WorkshopSummary[] | null>(null);
  const [trashCount, setTrashCount] = useState(0);
  const [loadError, setLoadError] = useState('');
  const [importError, setImportError] = useState('');
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [purging, setPurging] = useState<WorkshopSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const notify = useUiStore((s) => s.notify);
  const session = useEditorSession();
  const { api } = session;

  const refresh = useCallback(async () => {
    const [list, trashed] = await Promise.all([
      api.call('workshop.list', { query, trash }),
      api.call('workshop.list', { query: '', trash: true }),
    ]);
    if (list.ok) {
      setWorkshops(list.value);
      setLoadError('');
    } else setLoadError(list.error.message);
    if (trashed.ok) setTrashCount(trashed.value.length);
  }, [api, query, trash]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (call: () => Promise<{ ok: boolean; error?: { message: string } }>, done?: string) => {
    const result = await call();
    if (!result.ok) notify({ text: result.error!.message, tone: 'error' });
    else if (done) notify({ text: done, tone: 'info' });
    await refresh();
  };

  const moveToTrash = async (w: WorkshopSummary) => {
    const result = await api.call('workshop.trash', { id: w.id });
    if (!result.ok) return notify({ text: result.error.message, tone: 'error' });
    notify(
      {
        text: `"${w.title}" moved to the trash.`,
        tone: 'info',
        action: { label: 'Undo', run: () => void run(() => api.call('workshop.restore', { id: w.id }), `"${w.title}" is back.`) },
      },
      12_000,
    );
    await refresh();
  };

  return (
    <main className="library" data-testid="library">
      <header className="library-header">
        <h1>
          <span className="brand">Leanmap</span> {trash ? 'Trash' : 'Workshops'}
        </h1>
        <div className="library-actions">
          {!trash && (
            <>
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                + New workshop
              </button>
              <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
                Import file…
              </button>
            </>
          )}
          <button type="button" className="btn" onClick={() => setTrash(!trash)} data-testid="toggle-trash">
            {trash ? '← Back to workshops' : `Trash (${trashCount})`}
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const result = await importWorkshopFile(api, file);
            if (!result.ok) return setImportError(result.message);
            setImportError('');
            notify({ text: `Imported "${result.workshop.title}".`, tone: 'info' });
            await refresh();
          }}
        />
      </header>
      <div className="library-search">
        <input
          type="search"
          aria-label="Search workshops by title or organisation"
          placeholder="Search by title or organisation"
          value={query}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {importError && (
        <div className="banner banner-error" role="alert" data-testid="import-error">
          <strong>Import failed.</strong> {importError}
          <button type="button" className="btn-icon" aria-label="Dismiss" onClick={() => setImportError('')}>
            ×
          </button>
        </div>
      )}
      {loadError && (
        <div className="banner banner-error" role="alert">
          {loadError}
        </div>
      )}
      {workshops && workshops.length === 0 && (
        <p className="library-empty">
          {query ? `No workshop matches "${query}".` : trash ? 'The trash is empty.' : 'No workshops yet. Create one to start mapping a buying journey.'}
        </p>
      )}
      <ul className="workshop-list" data-testid="workshop-list">
        {workshops?.map((w) => (
          <li key={w.id} className="workshop-row" data-testid="workshop-row">
            <div className="workshop-main">
              {renaming === w.id ? (
                <RenameField
                  workshop={w}
                  onDone={(title) => {
                    setRenaming(null);
                    if (title !== null && title.trim() && title !== w.title) {
                      void run(() => api.call('workshop.rename', { id: w.id, revision: w.revision, title }));
                    }
                  }}
                />
              ) : trash ? (
                <span className="workshop-title">{w.title}</span>
              ) : (
                <button type="button" className="workshop-title link-button" onClick={() => onOpen(w.id)}>
                  {w.title}
                </button>
              )}
              <div className="workshop-facts">
                <span>{w.organisation || 'No organisation'}</span>
                <span>{formatDate(w.date)}</span>
                <span className={`status status-${w.status}`}>{w.status === 'agreed' ? 'Agreed' : 'Draft'}</span>
                <span>{w.stageCount} stages</span>
                <span className="muted">edited {formatEdited(w.updatedAt)}</span>
              </div>
            </div>
            <div className="workshop-row-actions">
              {trash ? (
                <>
                  <button type="button" className="btn" onClick={() => void run(() => api.call('workshop.restore', { id: w.id }), `"${w.title}" restored.`)}>
                    Restore
                  </button>
                  <button type="button" className="btn btn-danger" onClick={() => setPurging(w)}>
                    Delete forever…
                  </button>
                </>
              ) : (
                <>
                  <button type="button" className="btn btn-primary" onClick={() => onOpen(w.id)}>
                    Open
                  </button>
                  <button type="button" className="btn" onClick={() => setRenaming(w.id)}>
                    Rename
                  </button>
                  <button type="button" className="btn" onClick={() => void run(() => api.call('workshop.duplicate', { id: w.id }), `Duplicated "${w.title}".`)}>
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={async () => {
                      const r = await exportWorkshopFile(session, w.id);
                      if (r && !r.ok) notify({ text: r.message, tone: 'error' });
                      if (r?.ok) notify({ text: `Saved to ${r.where}.`, tone: 'info' });
                    }}
                  >
                    Export file
                  </button>
                  <button type="button" className="btn btn-danger" onClick={() => void moveToTrash(w)}>
                    Delete
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {creating && <NewWorkshopDialog onClose={() => setCreating(false)} onCreated={(id) => onOpen(id)} />}
      {purging && (
        <ConfirmDialog
          title="Delete for good?"
          message={`"${purging.title}" and all its maps will be deleted from this computer. This cannot be undone.`}
          confirmLabel="Delete forever"
          onCancel={() => setPurging(null)}
          onConfirm={() => {
            const w = purging;
            setPurging(null);
            void run(() => api.call('workshop.purge', { id: w.id }), `"${w.title}" deleted.`);
          }}
        />
      )}
    </main>
  );
}
