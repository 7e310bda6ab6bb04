// The checks that keep a map honest, as a list: each links to what it is about.
import type { MapCheck } from '../../../src-shared/domain/analytics';
import { useUiStore } from '../../store/ui-store';

export function ChecksPanel({ checks, onShowPlan }: { checks: MapCheck[]; onShowPlan: () => void }) {
  const reveal = useUiStore((s) => s.reveal);
  const open = (check: MapCheck) => {
    const t = check.target;
    if (t.kind === 'stage' || t.kind === 'transition') reveal({ kind: t.kind, id: t.id });
    else if (t.kind === 'metric') onShowPlan();
    else useUiStore.getState().setPanel('figures');
  };
  return (
    <div className="inspector-body" data-testid="checks-panel">
      <p className="inspector-kind">Map checks</p>
      {checks.length === 0 ? (
        <p>Nothing to point out: every stage has customer actions and exit criteria, and the plan has owners, baselines and targets.</p>
      ) : (
        <ul className="checks">
          {checks.map((c, i) => (
            <li key={i} className={`check check-${c.severity}`} data-testid="check" data-code={c.code}>
              <span className="check-mark" aria-hidden="true">
                {c.severity === 'error' ? '✖' : '!'}
              </span>
              <span className="check-message">{c.message}</span>
              <button type="button" className="btn btn-small" onClick={() => open(c)}>
                {c.target.kind === 'metric' ? 'Open plan' : 'Show'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
