// Which map version is open, and the way to the others.
import { useDocumentStore } from '../../store/document-store';

export function VersionSwitcher({ onOpen }: { onOpen: (versionId: string) => void }) {
  const versions = useDocumentStore((s) => s.workshop?.versions ?? []);
  const versionId = useDocumentStore((s) => s.versionId);
  return (
    <select className="btn version-select" aria-label="Map version" value={versionId ?? ''} onChange={(e) => onOpen(e.target.value)}>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
          {v.signOff ? ' (agreed)' : ''}
        </option>
      ))}
    </select>
  );
}
