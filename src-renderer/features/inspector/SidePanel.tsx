// The right-hand panel: edit what is selected, the process figures, the map checks.
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useUiStore, type SidePanel as Tab } from '../../store/ui-store';
import { FiguresPanel } from '../figures/FiguresPanel';
import { Inspector } from './Inspector';

const TABS: { id: Tab; label: string }[] = [
  { id: 'edit', label: 'Edit' },
  { id: 'figures', label: 'Figures' },
];

export function SidePanel() {
  const doc = useDocumentStore(selectDoc);
  const panel = useUiStore((s) => s.panel);
  const setPanel = useUiStore((s) => s.setPanel);
  if (!doc) return null;
  return (
    <aside className="inspector" aria-label="Side panel">
      <div className="panel-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={panel === t.id} className="panel-tab" onClick={() => setPanel(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {panel === 'edit' && <Inspector />}
      {panel === 'figures' && <FiguresPanel doc={doc} />}
    </aside>
  );
}
