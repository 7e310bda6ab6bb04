// Says plainly that the open version is agreed (who, when) and how to change it,
// and, for a version whose agreement was withdrawn, when and why.
import { formatDate } from '../../lib/format';
import { useDocumentStore } from '../../store/document-store';

export function AgreedBanner({ onNewVersion, onWithdraw }: { onNewVersion: () => void; onWithdraw: () => void }) {
  const version = useDocumentStore((s) => s.workshop?.versions.find((v) => v.id === s.versionId) ?? null);
  if (!version) return null;
  const { signOff, agreementHistory } = version;
  const withdrawn = agreementHistory.at(-1);
  if (!signOff) {
    if (!withdrawn) return null;
    return (
      <div className="banner banner-info" role="status" data-testid="withdrawn-banner">
        <div>
          <strong>Agreement withdrawn</strong> on {formatDate(withdrawn.withdrawnAt.slice(0, 10))} (agreed on {formatDate(withdrawn.agreedAt)}
          {withdrawn.agreedBy.length ? ` by ${withdrawn.agreedBy.join(', ')}` : ''}). Reason: {withdrawn.reason}
        </div>
      </div>
    );
  }
  return (
    <div className="banner banner-agreed" role="status" data-testid="agreed-banner">
      <div>
        <strong>Agreed</strong> on {formatDate(signOff.agreedAt)} by {signOff.agreedBy.join(', ')}. This version, its measurement
        plan and the workshop details on its report are read-only.
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-primary" onClick={onNewVersion}>
          New version from it…
        </button>
        <button type="button" className="btn" onClick={onWithdraw}>
          Withdraw agreement…
        </button>
      </div>
    </div>
  );
}
