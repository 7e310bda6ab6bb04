// Shown when a change to the plan was refused because another window or tab changed
// the same metric first: nothing was overwritten; reloading shows the latest plan.
import { usePlanStore } from '../../store/plan-store';

export function PlanConflictBanner() {
  const conflict = usePlanStore((s) => s.conflict);
  const versionId = usePlanStore((s) => s.versionId);
  const load = usePlanStore((s) => s.load);
  if (!conflict) return null;
  return (
    <div className="banner banner-error conflict-banner" role="alert" data-testid="plan-conflict-banner">
      <div>{conflict}</div>
      <div className="banner-actions">
        <button type="button" className="btn btn-primary" onClick={() => versionId && void load(versionId)}>
          Reload the latest plan
        </button>
      </div>
    </div>
  );
}
