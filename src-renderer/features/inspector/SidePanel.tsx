// The right-hand panel: edit what is selected, the process figures, the map checks.
import { useLayoutEffect, useRef } from 'react';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useUiStore, type SidePanel as Tab } from '../../store/ui-store';
import { ChecksPanel } from '../figures/ChecksPanel';
import { FiguresPanel } from '../figures/FiguresPanel';
import { useAnalysisView } from '../../store/use-analysis';
import { usePlanStore } from '../../store/plan-store';
import { Inspector } from './Inspector';

export function SidePanel({ onShowPlan }: { onShowPlan: () => void }) {
  const doc = useDocumentStore(selectDoc);
  const view = useAnalysisView();
  const metrics = usePlanStore((s) => s.metrics);
  const panel = useUiStore((s) => s.panel);
  const setPanel = useUiStore((s) => s.setPanel);
  const aside = useRef<HTMLElement>(null);
  // The panel scrolls as a whole: a tab opens at its top, not where the last tab was scrolled to.
  // Not when the panel first shows (it is at its top then): setting scrollTop forces the
  // page's first layout inside React's commit, before the canvas's cards are measured.
  const shownTab = useRef(panel);
  useLayoutEffect(() => {
    if (shownTab.current === panel) return;
    shownTab.current = panel;
    if (aside.current) aside.current.scrollTop = 0;
  }, [panel]);
  if (!doc || !view) return null;
  const TABS: { id: Tab; label: string }[] = [
    { id: 'edit', label: 'Edit' },
    { id: 'figures', label: 'Figures' },
    { id: 'checks', label: `Checks (${view.checks.length})` },
  ];
  return (
    <aside className="inspector" aria-label="Side panel" ref={aside}>
      <div className="panel-head">
        <div className="panel-tabs" role="tablist">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={panel === t.id} className="panel-tab" onClick={() => setPanel(t.id)}>
              {t.label}
            </button>
          ))}
        </div>
        {/* Under the tabs, so it shows wherever the panel is scrolled (by the inputs, say). */}
        {panel === 'figures' && view.updating && (
          <p className="figures-updating" role="status" data-testid="figures-updating">
            Updating…
          </p>
        )}
      </div>
      {panel === 'edit' && <Inspector />}
      {panel === 'figures' && <FiguresPanel doc={doc} analysis={view.analysis} updating={view.updating} />}
      {panel === 'checks' && <ChecksPanel checks={view.checks} doc={doc} metrics={metrics} onShowPlan={onShowPlan} />}
    </aside>
  );
}
