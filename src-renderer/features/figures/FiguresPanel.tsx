// The process figures, updated as numbers are typed: win rate, where buyers
// leave, cycle time, capacity against the revenue target, and the funnel.
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { formatPercent } from '../../../src-shared/domain/number-format';
import { formatCount, formatDays, formatMoney } from '../../lib/figure-format';
import { FigureRow } from './FigureRow';
import { FunnelChart } from './FunnelChart';
import { ProcessInputsForm } from './ProcessInputsForm';
import { BottlenecksSection } from './BottlenecksSection';
import type { ProcessAnalysis } from '../../../src-shared/domain/analytics';

/**
 * `updating`: a newer analysis is being computed (a large map, off the UI thread); the
 * figures shown are the last ones until it arrives (the side panel says so above the
 * tab), and none exist yet when `analysis` is null.
 */
export function FiguresPanel({ doc, analysis, updating = false }: { doc: MapDocument; analysis: ProcessAnalysis | null; updating?: boolean }) {
  if (!analysis) {
    return (
      <div className="inspector-body figures-panel" data-testid="figures-panel" aria-busy={updating}>
        <p className="inspector-kind">Process figures</p>
        <ProcessInputsForm doc={doc} />
      </div>
    );
  }
  const figures = analysis.figures;
  const per = doc.process.period;
  const money = (n: number) => formatMoney(n, doc.process.currency);
  const gap = figures.revenueGap;
  return (
    <div className="inspector-body figures-panel" data-testid="figures-panel" aria-busy={updating}>
      <p className="inspector-kind">Process figures</p>
      {!figures.flow.ok && (
        <div className="banner banner-error" role="alert" data-testid="flow-problems">
          <ul>
            {figures.flow.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <FigureRow label="Win rate" figure={figures.winRate} format={formatPercent} testId="figure-win-rate" emphasis />
      <FigureRow label="No decision / stalled" figure={figures.noDecisionShare} format={formatPercent} testId="figure-no-decision" />
      <FigureRow label="Lost" figure={figures.lostShare} format={formatPercent} testId="figure-lost" />
      <FigureRow label="Days to a win (buyers who win)" figure={figures.daysToWin} format={formatDays} testId="figure-days-to-win" emphasis />
      <FigureRow label="Days to any outcome" figure={figures.cycleTimeDays} format={formatDays} testId="figure-cycle-time" />
      <FigureRow label={`Wins per ${per}`} figure={figures.winsPerPeriod} format={formatCount} testId="figure-wins" />
      <FigureRow label={`Revenue per ${per}`} figure={figures.revenuePerPeriod} format={money} testId="figure-revenue" />
      <FigureRow
        label={gap.status === 'ok' && gap.value <= 0 ? 'Above the target by' : 'Short of the target by'}
        figure={gap.status === 'ok' ? { ...gap, value: Math.abs(gap.value) } : gap}
        format={money}
        testId="figure-gap"
      />
      <FigureRow label={`Buyers needed per ${per} to meet the target`} figure={figures.entriesNeededPerPeriod} format={formatCount} testId="figure-entries-needed" />
      {figures.buyersPerStage.status === 'ok' && <FunnelChart doc={doc} rows={figures.buyersPerStage.value} period={per} />}
      <BottlenecksSection doc={doc} analysis={analysis} />
      <ProcessInputsForm doc={doc} />
    </div>
  );
}
