// Says plainly that the open version is agreed (who, when) and how to change it.
import { formatDate } from '../../lib/format';
import { useDocumentStore } from '../../store/document-store';

export function AgreedBanner({ onNewVersion }: { onNewVersion: () => void }) {
  const signOff = useDocumentStore((s) => s.workshop?.versions.find((v) => v.id === s.versionId)?.signOff ?? null);
  if (!signOff) return null;
  return (
    <div className="banner banner-agreed" role="status" data-testid="agreed-banner">
      <div>
        <strong>Agreed</strong> on {formatDate(signOff.agreedAt)} by {signOff.agreedBy.join(', ')}. This version is read-only.
      </div>
      <button type="button" className="btn btn-primary" onClick={onNewVersion}>
        New version from it…
      </button>
    </div>
  );
}
