// The impact/effort matrix: every scored idea as a numbered, labelled dot on a 5×5 grid
// (effort across, impact up), so the quick wins sit top left. Ideas without both scores
// are listed beside it, since they have no place on the grid.
import type { RankedImprovement } from './ranked';

const CELL = 104;
const LEFT = 56;
const TOP = 16;
const SIZE = CELL * 5;

const short = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);

export function ImpactEffortMatrix({ ranked, onSelect }: { ranked: RankedImprovement[]; onSelect: (id: string) => void }) {
  const scored = ranked.filter((r) => r.impact !== null && r.effort !== null);
  const unscored = ranked.filter((r) => r.impact === null || r.effort === null);
  const perCell = new Map<string, number>();
  return (
    <div className="matrix" data-testid="impact-effort-matrix">
      <svg viewBox={`0 0 ${LEFT + SIZE + 230} ${TOP + SIZE + 56}`} role="img" aria-label="Impact and effort of each idea">
        <rect x={LEFT} y={TOP} width={(SIZE * 2) / 5} height={(SIZE * 2) / 5} className="matrix-quick-wins" />
        {[0, 1, 2, 3, 4, 5].map((k) => (
          <g key={k}>
            <line x1={LEFT + k * CELL} y1={TOP} x2={LEFT + k * CELL} y2={TOP + SIZE} className="matrix-grid" />
            <line x1={LEFT} y1={TOP + k * CELL} x2={LEFT + SIZE} y2={TOP + k * CELL} className="matrix-grid" />
          </g>
        ))}
        {[1, 2, 3, 4, 5].map((n) => (
          <g key={n} className="matrix-tick">
            <text x={LEFT + (n - 0.5) * CELL} y={TOP + SIZE + 22} textAnchor="middle">
              {n}
            </text>
            <text x={LEFT - 12} y={TOP + (5 - n + 0.5) * CELL + 6} textAnchor="end">
              {n}
            </text>
          </g>
        ))}
        <text x={LEFT + SIZE / 2} y={TOP + SIZE + 48} textAnchor="middle" className="matrix-axis">
          Effort →
        </text>
        <text x={16} y={TOP + SIZE / 2} textAnchor="middle" className="matrix-axis" transform={`rotate(-90 16 ${TOP + SIZE / 2})`}>
          Impact →
        </text>
        <text x={LEFT + 8} y={TOP + 22} className="matrix-zone">
          Quick wins
        </text>
        {scored.map((r) => {
          const key = `${r.effort}-${r.impact}`;
          const k = perCell.get(key) ?? 0;
          perCell.set(key, k + 1);
          const cx = LEFT + (r.effort! - 1) * CELL + 20;
          const cy = TOP + (5 - r.impact!) * CELL + 44 + k * 30;
          return (
            <g key={r.id} className={`matrix-dot status-${r.item.status}`} data-testid="matrix-dot" onClick={() => onSelect(r.id)} role="button" aria-label={`#${r.rank} ${r.item.idea}`}>
              <circle cx={cx} cy={cy} r={14} />
              <text x={cx} y={cy + 6} textAnchor="middle" className="matrix-dot-rank">
                {r.rank}
              </text>
              <text x={cx + 19} y={cy + 6} className="matrix-dot-label">
                {short(r.item.idea)}
              </text>
            </g>
          );
        })}
      </svg>
      {unscored.length > 0 && (
        <div className="matrix-unscored">
          <h4>Not on the grid yet (impact or effort missing)</h4>
          <ul>
            {unscored.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" onClick={() => onSelect(r.id)}>
                  #{r.rank} {r.item.idea}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
