// The checks that keep a map honest, grouped by what they are about (a stage, an
// arrow, a metric), each group one link away from where to fix it.
import type { MapCheck } from '../../../src-shared/domain/analytics';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { Metric } from '../../../src-shared/domain/metric';
import { useUiStore, type UiState } from '../../store/ui-store';

/** Short words for the metric checks, which repeat for many metrics. */
const SHORT: Partial<Record<MapCheck['code'], string>> = {
  'metric-without-owner': 'no owner',
  'metric-without-baseline': 'no baseline',
  'metric-without-target': 'no target',
};

interface Group {
  key: string;
  title: string;
  severity: 'warning' | 'error';
  checks: MapCheck[];
  open: () => void;
}

function groupChecks(checks: MapCheck[], doc: MapDocument, metrics: readonly Metric[], onShowPlan: () => void, { reveal, setPanel }: Pick<UiState, 'reveal' | 'setPanel'>): Group[] {
  const groups = new Map<string, Group>();
  for (const c of checks) {
    const t = c.target;
    const key = `${t.kind}:${t.id ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      const title =
        t.kind === 'stage'
          ? `Stage "${doc.stages.find((s) => s.id === t.id)?.name ?? '?'}"`
          : t.kind === 'transition'
            ? 'Transition'
            : t.kind === 'metric'
              ? `Metric "${metrics.find((m) => m.id === t.id)?.name ?? '?'}"`
              : 'Whole process';
      const open =
        t.kind === 'stage' || t.kind === 'transition'
          ? () => reveal({ kind: t.kind, id: t.id })
          : t.kind === 'metric'
            ? onShowPlan
            : () => setPanel('figures');
      group = { key, title, severity: 'warning', checks: [], open };
      groups.set(key, group);
    }
    group.checks.push(c);
    if (c.severity === 'error') group.severity = 'error';
  }
  // Errors first, then the map before the plan, in the order found.
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

export function ChecksPanel({ checks, doc, metrics, onShowPlan }: { checks: MapCheck[]; doc: MapDocument; metrics: readonly Metric[]; onShowPlan: () => void }) {
  const reveal = useUiStore((s) => s.reveal);
  const setPanel = useUiStore((s) => s.setPanel);
  const groups = groupChecks(checks, doc, metrics, onShowPlan, { reveal, setPanel });
  const mapGroups = groups.filter((g) => !g.key.startsWith('metric:'));
  const planGroups = groups.filter((g) => g.key.startsWith('metric:'));
  const section = (title: string, list: Group[]) =>
    list.length > 0 && (
      <section className="figures-section" aria-label={title}>
        <h3>
          {title} ({list.reduce((n, g) => n + g.checks.length, 0)})
        </h3>
        <ul className="checks">
          {list.map((g) => {
            const short = g.checks.every((c) => SHORT[c.code]);
            return (
              <li key={g.key} className={`check check-${g.severity}`} data-testid="check-group">
                <span className="check-mark" aria-hidden="true">
                  {g.severity === 'error' ? '✖' : '!'}
                </span>
                <div className="check-message">
                  <strong>{g.title}</strong>
                  {short ? (
                    <span>
                      {': '}
                      {g.checks.map((c, i) => (
                        <span key={i} data-testid="check" data-code={c.code}>
                          {i > 0 && ', '}
                          {SHORT[c.code]}
                        </span>
                      ))}
                    </span>
                  ) : (
                    <ul className="check-items">
                      {g.checks.map((c, i) => (
                        <li key={i} data-testid="check" data-code={c.code}>
                          {c.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <button type="button" className="btn btn-small" onClick={g.open}>
                  {g.key.startsWith('metric:') ? 'Open plan' : 'Show'}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    );
  return (
    <div className="inspector-body" data-testid="checks-panel">
      <p className="inspector-kind">Map checks</p>
      {checks.length === 0 ? (
        <p>Nothing to point out: every stage has customer actions and exit criteria, and the plan has owners, baselines and targets.</p>
      ) : (
        <>
          {section('On the map', mapGroups)}
          {section('In the measurement plan', planGroups)}
        </>
      )}
    </div>
  );
}
