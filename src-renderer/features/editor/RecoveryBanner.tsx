// Offers back the edits of this map that were on screen but never saved (a tab
// closed too soon, Leanmap stopped): restore them, or keep them as a file, or
// discard them — saying plainly what they are.
import { buildEnvelope } from '../../../src-shared/domain/export-envelope';
import { formatEdited } from '../../lib/format';
import type { SaveResult } from '../../host/host';
import type { EditorSession } from '../../session/editor-session';
import { useEditorSession } from '../../session/SessionContext';
import type { Recovery } from '../../store/recovery';

interface RecoveryBannerProps {
  recovery: Recovery;
  onRestore: () => void;
  onDiscard: () => void;
}

async function keepAsFile({ document, host }: Pick<EditorSession, 'document' | 'host'>, recovery: Exclude<Recovery, { kind: 'nothing' }>): Promise<SaveResult> {
  const { workshop } = document.getState();
  if (!workshop) return { saved: false };
  const { entry } = recovery;
  const title = `${workshop.meta.title} (unsaved changes)`;
  const envelope = buildEnvelope(
    { meta: { ...workshop.meta, title }, versions: [{ name: entry.versionName, signOff: null, document: entry.doc, metrics: [], agreementHistory: [] }] },
    new Date().toISOString(),
    'unsaved',
  );
  return host.saveTextFile(`${title}.leanmap.json`, JSON.stringify(envelope, null, 2), 'application/json');
}

export function RecoveryBanner({ recovery, onRestore, onDiscard }: RecoveryBannerProps) {
  const session = useEditorSession();
  if (recovery.kind === 'nothing') return null;
  const { entry, changes } = recovery;
  const when = formatEdited(new Date(entry.writtenAt).toISOString());
  const what = changes || 'Changed the map.';
  return (
    <div className="banner banner-recovery" role="alert" data-testid="recovery-banner">
      <div>
        <strong>Unsaved changes to “{entry.versionName}” were found</strong> (made {when}, before Leanmap or this tab was closed).{' '}
        {what}{' '}
        {recovery.kind === 'restore' && 'Nobody has saved this map since, so they can be put back as they were.'}
        {recovery.kind === 'diverged' &&
          (recovery.why === 'agreed'
            ? 'This version has been agreed since, so they cannot go back into it; keep them as a file to import or copy from.'
            : 'This map has been saved since (in another window or tab), so putting them back would overwrite that; keep them as a file to import or copy from.')}
      </div>
      <div className="banner-actions">
        {recovery.kind === 'restore' ? (
          <button type="button" className="btn btn-primary" onClick={onRestore}>
            Restore them
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              void keepAsFile(session, recovery).then((result) => {
                if (!result.saved) return; // the facilitator cancelled the save dialog
                session.ui.getState().notify({ text: `Kept the unsaved changes as a file in ${result.where}; import it from the library to see them.`, tone: 'info' });
                onDiscard();
              });
            }}
          >
            Keep them as a file
          </button>
        )}
        <button type="button" className="btn" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}
