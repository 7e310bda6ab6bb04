// Buyers per stage per period as horizontal bars (visits: a buyer who loops back counts again).
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { StageBuyers } from '../../../src-shared/domain/analytics';
import { formatCount } from '../../lib/figure-format';

export function FunnelChart({ doc, rows, period }: { doc: MapDocument; rows: StageBuyers[]; period: string }) {
  const max = Math.max(1, ...rows.map((r) => r.buyersPerPeriod));
  const name = (id: string) => doc.stages.find((s) => s.id === id)?.name ?? '?';
  return (
    <figure className="funnel" aria-label={`Buyers per stage per ${period}`}>
      <figcaption>Buyers per stage per {period}</figcaption>
      {rows.map((r) => (
        <div key={r.stageId} className="funnel-row" data-testid="funnel-row">
          <span className="funnel-name">{name(r.stageId)}</span>
          <span className="funnel-bar-track">
            <span className="funnel-bar" style={{ width: `${(r.buyersPerPeriod / max) * 100}%` }} />
          </span>
          <span className="funnel-value">{formatCount(r.buyersPerPeriod)}</span>
        </div>
      ))}
    </figure>
  );
}
