// Shown when a save was refused because the map changed in another window or tab:
// nothing is overwritten; the facilitator reloads, or keeps their version as a file.
import { buildEnvelope } from '../../../src-shared/domain/export-envelope';
import { useEditorSession } from '../../session/SessionContext';
import { useDocumentStore } from '../../store/document-store';

const HEADLINE = 'Your last change was not saved.';

/** The refusal's explanation without the sentence the banner's headline already says. */
function explanation(message: string): string {
  return message.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== HEADLINE).join(' ').trim();
}

export function ConflictBanner({ onReload }: { onReload: () => void }) {
  const session = useEditorSession();
  const state = useDocumentStore((s) => s.saveState);
  const message = useDocumentStore((s) => s.saveMessage);
  if (state !== 'conflict') return null;
  const keepMine = async () => {
    const { workshop, history, versionName } = session.document.getState();
    if (!workshop || !history) return;
    const envelope = buildEnvelope(
      { meta: { ...workshop.meta, title: `${workshop.meta.title} (my unsaved version)` }, versions: [{ name: versionName, signOff: null, document: history.doc, metrics: session.plan.getState().metrics.map(({ revision: _r, versionId: _v, ...m }) => m), agreementHistory: [] }] },
      new Date().toISOString(),
      'unsaved',
    );
    await session.host.saveTextFile(`${workshop.meta.title} - my unsaved version.leanmap.json`, JSON.stringify(envelope, null, 2), 'application/json');
  };
  return (
    <div className="banner banner-error conflict-banner" role="alert" data-testid="conflict-banner">
      <div>
        <strong>{HEADLINE}</strong> {explanation(message)}
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-primary" onClick={onReload}>
          Reload the latest map
        </button>
        <button type="button" className="btn" onClick={() => void keepMine()}>
          Keep my version as a file
        </button>
      </div>
    </div>
  );
}
