// One process figure: its value in large type with how it was worked out, or
// exactly which inputs it still needs (each a link to where it is typed).
import type { Figure, InputUsed, MissingInput } from '../../../src-shared/domain/analytics';
import { useUiStore, type UiState } from '../../store/ui-store';

function revealTarget(item: InputUsed | MissingInput, { reveal, setPanel }: Pick<UiState, 'reveal' | 'setPanel'>): (() => void) | null {
  if (item.kind === 'conversion') return () => reveal({ kind: 'transition', id: item.transitionId });
  if (item.kind === 'days-per-visit') return () => reveal({ kind: 'stage', id: item.stageId });
  if (item.kind === 'process') return () => setPanel('figures');
  return null;
}

export function FigureRow({ label, figure, format, testId, emphasis }: { label: string; figure: Figure; format: (n: number) => string; testId: string; emphasis?: boolean }) {
  const reveal = useUiStore((s) => s.reveal);
  const setPanel = useUiStore((s) => s.setPanel);
  return (
    <div className={`figure${emphasis ? ' figure-main' : ''}`} data-testid={testId} data-status={figure.status}>
      <div className="figure-head">
        <span className="figure-label">{label}</span>
        {figure.status === 'ok' && (
          <span className="figure-value" data-value={figure.value}>
            {format(figure.value)}
          </span>
        )}
      </div>
      {figure.status === 'ok' && <p className="figure-formula">{figure.formula}</p>}
      {figure.status === 'missing' && (
        <div className="figure-missing">
          <span>Needs </span>
          {figure.missing.slice(0, 4).map((m, i) => {
            const go = revealTarget(m, { reveal, setPanel });
            return (
              <span key={i}>
                {i > 0 && ', '}
                {go ? (
                  <button type="button" className="link-button" onClick={go}>
                    {m.label}
                  </button>
                ) : (
                  m.label
                )}
              </span>
            );
          })}
          {figure.missing.length > 4 && <span> and {figure.missing.length - 4} more</span>}
        </div>
      )}
      {figure.status === 'not-defined' && <p className="figure-missing">{figure.reason}</p>}
      {figure.status === 'blocked' && (
        <p className="figure-blocked">{figure.problems.map((p) => p.message).join(' ')}</p>
      )}
    </div>
  );
}
