// Moving an improvement along idea → planned → trial → adopted | dropped. A move the
// focus limit refuses shows the API's sentence and offers an override that needs a
// reason; starting a trial asks for its start and review date (60 days later by default).
import { useState } from 'react';
import type { PlanImprovement } from '../../../src-shared/api/contract';
import { addDays, canMove, DEFAULT_REVIEW_DAYS, IMPROVEMENT_STATUSES, type ImprovementStatus } from '../../../src-shared/domain/improvement';
import { Dialog } from '../../components/Dialog';
import { useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { todayIso } from './improvement-format';

const MOVE_LABELS: Record<ImprovementStatus, string> = {
  idea: 'Back to idea',
  planned: 'Plan',
  trial: 'Start trial',
  adopted: 'Adopt',
  dropped: 'Drop',
};

/** The moves offered from a status, in the order of the flow. */
export function movesFrom(status: ImprovementStatus): ImprovementStatus[] {
  return IMPROVEMENT_STATUSES.filter((to) => to !== status && canMove(status, to));
}

function TrialDialog({ onStart, onClose }: { onStart: (trialStart: string, reviewDate: string) => void; onClose: () => void }) {
  const [start, setStart] = useState(todayIso);
  const [review, setReview] = useState<string | null>(null);
  const reviewDate = review ?? addDays(start, DEFAULT_REVIEW_DAYS);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(start) && reviewDate >= start;
  return (
    <Dialog title="Start the trial" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onStart(start, reviewDate);
        }}
      >
        <label className="field">
          <span>Trial starts</span>
          <input type="date" value={start} data-testid="trial-start" onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="field">
          <span>Review on ({DEFAULT_REVIEW_DAYS} days later unless you change it)</span>
          <input type="date" value={reviewDate} data-testid="trial-review" onChange={(e) => setReview(e.target.value || null)} />
        </label>
        {!valid && <p className="field-error">The review comes on or after the day the trial starts.</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={!valid} data-testid="trial-confirm">
            Start trial
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface OverrideProps {
  message: string;
  /** The workshop's participants: the one who decided is named in the decision log. */
  participants: readonly string[];
  onOverride: (reason: string, by: string | null) => void;
  onClose: () => void;
}

export function OverrideDialog({ message, participants, onOverride, onClose }: OverrideProps) {
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [problem, setProblem] = useState('');
  return (
    <Dialog title="Override the focus limit" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') return setProblem('Write why this one cannot wait: the reason is kept with the improvement and printed in the report.');
          onOverride(reason.trim(), by || null);
        }}
      >
        <p>{message}</p>
        <label className="field">
          <span>Why this one cannot wait</span>
          <textarea rows={3} value={reason} autoFocus data-testid="override-reason" onChange={(e) => setReason(e.target.value)} />
        </label>
        <label className="field">
          <span>Decided by</span>
          <select value={by} data-testid="override-by" onChange={(e) => setBy(e.target.value)}>
            <option value="">(not named)</option>
            {participants.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">The override is written to the decision log with its reason, the date and who decided.</p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" data-testid="override-confirm">
            Override and keep the reason
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function StatusControls({ item }: { item: PlanImprovement }) {
  const setStatus = useImprovementStore((s) => s.setStatus);
  const refusal = useImprovementStore((s) => (s.focusRefusal?.id === item.id ? s.focusRefusal : null));
  const clearRefusal = useImprovementStore((s) => s.clearFocusRefusal);
  const versionId = useDocumentStore((s) => s.versionId);
  const participants = useDocumentStore((s) => s.workshop?.meta.participants) ?? [];
  const [trial, setTrial] = useState(false);
  const [override, setOverride] = useState(false);
  if (!versionId) return null;
  const move = (to: ImprovementStatus) => {
    if (to === 'trial') return setTrial(true);
    void setStatus(item.id, to, { versionId });
  };
  return (
    <div className="status-controls" data-testid="status-controls">
      {movesFrom(item.status).map((to) => (
        <button
          key={to}
          type="button"
          className={`btn btn-small${to === 'dropped' ? '' : ' btn-primary'}`}
          data-testid={`move-${to}`}
          onClick={(e) => {
            e.stopPropagation();
            move(to);
          }}
        >
          {MOVE_LABELS[to]}
        </button>
      ))}
      {refusal && (
        <div className="focus-refusal" role="alert" data-testid="focus-refusal">
          <p>{refusal.message}</p>
          <button type="button" className="btn btn-small" data-testid="override-open" onClick={() => setOverride(true)}>
            Override with a reason…
          </button>
          <button type="button" className="btn btn-small" onClick={clearRefusal}>
            Leave it as an idea
          </button>
        </div>
      )}
      {trial && (
        <TrialDialog
          onClose={() => setTrial(false)}
          onStart={(trialStart, reviewDate) => {
            setTrial(false);
            void setStatus(item.id, 'trial', { versionId, trialStart, reviewDate });
          }}
        />
      )}
      {override && refusal && (
        <OverrideDialog
          message={refusal.message}
          participants={participants.map((p) => p.name)}
          onClose={() => setOverride(false)}
          onOverride={(reason, by) => {
            setOverride(false);
            void setStatus(item.id, refusal.status, { versionId, overrideReason: reason, overrideBy: by });
          }}
        />
      )}
    </div>
  );
}
