// The review of trials that are due or overdue (computed from the stored trial start and
// review date): the metric's readings before and after the trial started, baseline and
// target, the frozen prediction beside what was observed, and the map re-run with the
// observed value. The facilitator records the result and PDCA notes, then adopts or drops.
import { useMemo } from 'react';
import type { PlanImprovement, PlanMetric } from '../../../src-shared/api/contract';
import { modelEffects } from '../../../src-shared/domain/analytics/effects';
import { reviewState, type ReviewState } from '../../../src-shared/domain/improvement';
import { modelledFromPrediction } from '../../../src-shared/domain/improvement-ranking';
import { compareReadings, effectsWithObserved } from '../../../src-shared/domain/improvement-review';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { formatDate } from '../../lib/format';
import { attachmentLabel, formatMetricValue } from '../../lib/metric-format';
import { selectDoc, useDocumentStore } from '../../store/document-store';
import { useImprovementStore } from '../../store/improvement-store';
import { usePlanStore } from '../../store/plan-store';
import { deltaLines, effectLabel, formatGain, targetLabel, todayIso } from './improvement-format';
import { SavedText } from './ImprovementForm';

function stateText(state: ReviewState): string {
  if (state.kind === 'due') return 'Review due today';
  if (state.kind === 'overdue') return `Review overdue by ${state.daysOver} day${state.daysOver === 1 ? '' : 's'}`;
  if (state.kind === 'running') return `Review in ${state.daysLeft} day${state.daysLeft === 1 ? '' : 's'}`;
  return '';
}

function Readings({ doc, item, metric }: { doc: MapDocument; item: PlanImprovement; metric: PlanMetric }) {
  const currency = doc.process.currency;
  const fmt = (v: number | null) => formatMetricValue(v, metric.unit, currency);
  const cmp = compareReadings(metric.readings, item.trialStart!, { baseline: metric.baseline, target: metric.target });
  const rerun = useMemo(() => {
    if (cmp.observed === null) return { reason: 'No reading since the trial started, so the map cannot be re-run with what was observed yet.' };
    const swapped = effectsWithObserved(item.effects, metric, cmp.observed);
    if ('reason' in swapped) return swapped;
    return { modelled: modelEffects(doc, swapped.effects) };
  }, [doc, item.effects, metric, cmp.observed]);
  return (
    <div className="review-readings">
      <h4>
        {metric.name} <span className="hint">({attachmentLabel(doc, metric.attachTo)})</span>
      </h4>
      <dl className="review-facts">
        <dt>Before the trial</dt>
        <dd data-testid="review-before">
          {cmp.before.count} reading{cmp.before.count === 1 ? '' : 's'}
          {cmp.before.mean !== null && `, mean ${fmt(cmp.before.mean)}`}
        </dd>
        <dt>Since it started</dt>
        <dd data-testid="review-after">
          {cmp.after.count} reading{cmp.after.count === 1 ? '' : 's'}
          {cmp.after.mean !== null && `, mean ${fmt(cmp.after.mean)}`}
        </dd>
        <dt>Baseline · target</dt>
        <dd>
          {fmt(cmp.baseline)} · {fmt(cmp.target)}
          {cmp.targetMet !== null && (cmp.targetMet ? ' · target met' : ' · target not met')}
        </dd>
        <dt>Change</dt>
        <dd data-testid="review-change">
          {cmp.change.kind === 'measured' ? `${fmt(cmp.change.before)} → ${fmt(cmp.change.after)}` : <span className="too-few">Too few readings. {cmp.change.message}</span>}
        </dd>
      </dl>
      <div className="review-compare">
        <div>
          <h5>Predicted</h5>
          <p data-testid="review-predicted">
            {item.prediction
              ? `${formatGain(modelledFromPrediction(item.prediction), doc.process.period)} (${item.prediction.effects.map((e) => effectLabel(doc, e)).join('; ')})`
              : 'No prediction was frozen (the idea was not planned).'}
          </p>
        </div>
        <div>
          <h5>Observed</h5>
          <p data-testid="review-observed">{cmp.observed === null ? 'Nothing observed yet' : fmt(cmp.observed)}</p>
        </div>
        <div>
          <h5>What the map says now</h5>
          {'modelled' in rerun ? (
            <p data-testid="review-map-now">
              <strong>{formatGain(rerun.modelled, doc.process.period)}</strong>{' '}
              {deltaLines(rerun.modelled, doc.process.period, doc.process.currency)
                .map((l) => `${l.label} ${l.text}`)
                .join(' · ')}
            </p>
          ) : (
            <p className="hint" data-testid="review-map-now">
              {rerun.reason}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

function ReviewCard({ doc, item, state }: { doc: MapDocument; item: PlanImprovement; state: ReviewState }) {
  const metric = usePlanStore((s) => s.metrics.find((m) => m.id === item.metricId) ?? null);
  const update = useImprovementStore((s) => s.update);
  const setStatus = useImprovementStore((s) => s.setStatus);
  const versionId = useDocumentStore((s) => s.versionId);
  const pdca = item.pdca;
  return (
    <article className={`review-card review-${state.kind}`} data-testid="review-card" data-idea={item.idea} aria-label={`Review of ${item.idea}`}>
      <header>
        <h3>{item.idea}</h3>
        <span className="review-state">{stateText(state)}</span>
        <p className="hint">
          {targetLabel(doc, item.addresses)} · trial started {item.trialStart ? formatDate(item.trialStart) : '–'}
          {item.reviewDate && `, review ${formatDate(item.reviewDate)}`}
          {item.ownerRole && ` · owner ${item.ownerRole}`}
        </p>
      </header>
      {metric ? (
        <Readings doc={doc} item={item} metric={metric} />
      ) : (
        <p className="hint">No metric of this map version is linked to it, so there are no readings to compare. Pick one under Improvements.</p>
      )}
      <SavedText label="Result" value={item.result} multiline testId="review-result" onSave={(result) => void update(item.id, { result })} />
      <div className="pdca">
        {(['plan', 'do', 'check', 'act'] as const).map((k) => (
          <SavedText key={k} label={k[0]!.toUpperCase() + k.slice(1)} value={pdca[k]} multiline testId={`review-pdca-${k}`} onSave={(v) => void update(item.id, { pdca: { ...pdca, [k]: v } })} />
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="review-drop" disabled={!versionId} onClick={() => versionId && void setStatus(item.id, 'dropped', { versionId })}>
          Drop
        </button>
        <button type="button" className="btn btn-primary" data-testid="review-adopt" disabled={!versionId} onClick={() => versionId && void setStatus(item.id, 'adopted', { versionId })}>
          Adopt
        </button>
      </div>
    </article>
  );
}

export function ReviewView({ today = todayIso() }: { today?: string }) {
  const doc = useDocumentStore(selectDoc);
  const items = useImprovementStore((s) => s.items);
  if (!doc) return null;
  const states = items.map((item) => ({ item, state: reviewState(item, today) }));
  const due = states.filter((x) => x.state.kind === 'due' || x.state.kind === 'overdue');
  const running = states.filter((x) => x.state.kind === 'running');
  return (
    <main className="review-view" data-testid="review-view">
      <h2>Review</h2>
      <p className="hint">Trials whose review date has come. Compare what was predicted with what the readings show, record the result, then adopt or drop.</p>
      {due.length === 0 ? (
        <p className="empty-state">No trial is due for review today.</p>
      ) : (
        due.map(({ item, state }) => <ReviewCard key={item.id} doc={doc} item={item} state={state} />)
      )}
      {running.length > 0 && (
        <section className="review-running">
          <h3>On trial, not due yet</h3>
          <ul>
            {running.map(({ item, state }) => (
              <li key={item.id}>
                {item.idea} — {stateText(state)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
