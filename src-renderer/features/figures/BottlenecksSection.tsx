// Where to work first: forward transitions and the ways to Won ranked by the wins a
// +10-point improvement would add (loops back are not ranked), the slowest stages, the rolled %C&A of the main path, the value-added ratio.
import { bottleneckScope, type ProcessAnalysis } from '../../../src-shared/domain/analytics';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { formatPercent, formatPercentPoints } from '../../../src-shared/domain/number-format';
import { formatCount, formatDays } from '../../lib/figure-format';
import { useUiStore } from '../../store/ui-store';
import { FigureRow } from './FigureRow';
import { AddIdeaButton } from '../improvements/AddIdeaButton';

export function BottlenecksSection({ doc, analysis }: { doc: MapDocument; analysis: ProcessAnalysis }) {
  const reveal = useUiStore((s) => s.reveal);
  const name = (id: string) => doc.stages.find((s) => s.id === id)?.name ?? doc.outcomes.find((o) => o.id === id)?.label ?? '?';
  const ranking = analysis.bottlenecks;
  const slow = analysis.slowestStages;
  const va = analysis.valueAddedRatio.overall;
  return (
    <>
      <section className="figures-section" aria-label="Bottlenecks" data-testid="bottlenecks">
        <h3>Bottlenecks</h3>
        {!ranking.ok ? (
          <p className="figure-missing">{ranking.problems.map((p) => p.message).join(' ')}</p>
        ) : (
          <>
            <p className="hint" data-testid="bottleneck-scope">
              {bottleneckScope(ranking.step)}
            </p>
            <p className="hint">
              Gain (points taken from buyers who leave that stage):{' '}
              {ranking.basis === 'wins-per-period' ? `extra wins per ${doc.process.period}` : 'extra win rate (enter buyers per period to see wins)'}.
            </p>
            <ol className="ranking">
              {ranking.candidates.slice(0, 6).map((c) => (
                <li key={c.transitionId} className={c.top ? 'is-top' : ''} data-testid="bottleneck-row">
                  <button type="button" className="link-button" onClick={() => reveal({ kind: 'transition', id: c.transitionId })}>
                    {name(c.sourceStageId)} → {name(c.targetId)}
                  </button>
                  <span className="ranking-value">
                    {c.gain === null ? '—' : ranking.basis === 'wins-per-period' ? `+${formatCount(c.gain)}` : formatPercentPoints(c.gain)}
                  </span>
                  <span className="ranking-detail">
                    {formatPercent(c.currentRate)} → {formatPercent(c.newRate)}
                    {c.problems.length > 0 && ` · ${c.problems[0]!.message}`}
                  </span>
                  <AddIdeaButton
                    compact
                    target={{ kind: 'transition', transitionId: c.transitionId }}
                    problem={`Bottleneck #${c.rank}: ${name(c.sourceStageId)} → ${name(c.targetId)} converts ${formatPercent(c.currentRate)}`}
                    label={`Add an improvement idea for bottleneck #${c.rank}`}
                    testId="add-idea-bottleneck"
                  />
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section className="figures-section" aria-label="Slowest stages">
        <h3>Slowest stages</h3>
        {!slow.ok ? (
          <p className="figure-missing">{slow.problems.map((p) => p.message).join(' ')}</p>
        ) : (
          <>
            <ol className="ranking">
              {slow.stages.slice(0, 5).map((s) => (
                <li key={s.stageId}>
                  <button type="button" className="link-button" onClick={() => reveal({ kind: 'stage', id: s.stageId })}>
                    {name(s.stageId)}
                  </button>
                  <span className="ranking-value">{formatDays(s.expectedDays)}</span>
                  <span className="ranking-detail">
                    {formatCount(s.expectedVisits)} {s.expectedVisits === 1 ? 'visit' : 'visits'} × {formatDays(s.daysPerVisit)}
                    {s.shareOfCycleTime !== null && ` · ${formatPercent(s.shareOfCycleTime)} of the cycle`}
                  </span>
                </li>
              ))}
            </ol>
            {slow.missingDays.length > 0 && <p className="figure-missing">Days per visit missing for {slow.missingDays.map((m) => m.label).join(', ')}.</p>}
          </>
        )}
      </section>
      <section className="figures-section" aria-label="Quality">
        <h3>Quality</h3>
        <FigureRow label="Rolled %C&A (main path)" figure={analysis.rolledCompleteAndAccurate.figure} format={formatPercent} testId="figure-rolled-ca" />
        <div className="figure" data-testid="figure-value-added">
          <div className="figure-head">
            <span className="figure-label">Value-added ratio</span>
            <span className="figure-value">{va.ratio === null ? '—' : formatPercent(va.ratio)}</span>
          </div>
          <p className="figure-formula">
            {va.value} value ÷ {va.total} actions ({va.necessary} necessary, {va.waste} waste{va.unclassified ? `, ${va.unclassified} not classified` : ''})
          </p>
        </div>
      </section>
    </>
  );
}
