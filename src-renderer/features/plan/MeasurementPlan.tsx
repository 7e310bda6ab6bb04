// The measurement plan: every metric of the workshop as a table a leader can
// read, the standard metrics the map suggests (one action each), and the
// readings of later reviews against baseline and target. The plan belongs to the
// open map version; an agreed version's plan is shown locked (readings may be added).
import { useMemo, useState } from 'react';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { METRIC_KIND_LABELS, type Metric, type MetricFields } from '../../../src-shared/domain/metric';
import { suggestMetrics } from '../../../src-shared/domain/metric-suggestions';
import { ConfirmDialog } from '../../components/Dialog';
import { formatDate } from '../../lib/format';
import { attachmentLabel, formatMetricValue, readingTrend } from '../../lib/metric-format';
import { useDocumentStore, selectDoc } from '../../store/document-store';
import { usePlanStore } from '../../store/plan-store';
import { InlineMetricCell } from './InlineMetricCell';
import { MetricDialog } from './MetricDialog';
import { PlanConflictBanner } from './PlanConflictBanner';

const UNIT_SUFFIX = { percent: () => '%', days: () => 'days', count: () => '', currency: (c: string) => c } as const;
const TREND_TEXT = { 'on-target': 'on target', improving: 'improving', worse: 'worse than baseline', none: '' } as const;

function newMetricFields(): MetricFields {
  return {
    attachTo: { kind: 'process' },
    name: 'New metric',
    question: '',
    definition: '',
    unit: 'percent',
    kind: 'process',
    dataSource: '',
    ownerRole: '',
    cadence: 'monthly',
    baseline: null,
    target: null,
    suggestionKey: null,
  };
}

function Suggestions({ doc, metrics }: { doc: MapDocument; metrics: Metric[] }) {
  const create = usePlanStore((s) => s.create);
  const createMany = usePlanStore((s) => s.createMany);
  const [open, setOpen] = useState(true);
  const suggestions = useMemo(
    () => suggestMetrics(doc, new Set(metrics.map((m) => m.suggestionKey).filter((k): k is string => k !== null))),
    [doc, metrics],
  );
  if (suggestions.length === 0) return null;
  return (
    <section className="suggestions" aria-label="Suggested metrics">
      <div className="suggestions-header">
        <h3>Suggested metrics ({suggestions.length})</h3>
        <button type="button" className="btn" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide' : 'Show'}
        </button>
        <button type="button" className="btn" onClick={() => void createMany(suggestions.map((s) => s.fields))}>
          Add all
        </button>
      </div>
      {open && (
        <ul className="suggestion-list">
          {suggestions.map((s) => (
            <li key={s.key} data-testid="suggestion">
              <button type="button" className="btn btn-add" onClick={() => void create(s.fields)} aria-label={`Add ${s.fields.name}`}>
                + Add
              </button>
              <span className="suggestion-name">{s.fields.name}</span>
              <span className="muted">{s.fields.question}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function MeasurementPlan() {
  const doc = useDocumentStore(selectDoc);
  const metrics = usePlanStore((s) => s.metrics);
  const loading = usePlanStore((s) => s.loading);
  const create = usePlanStore((s) => s.create);
  const remove = usePlanStore((s) => s.remove);
  const locked = useDocumentStore((s) => s.readOnly);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Metric | null>(null);
  if (!doc) return null;
  const currency = doc.process.currency;
  const editingMetric = metrics.find((m) => m.id === editing);
  return (
    <main className="plan" data-testid="measurement-plan">
      <div className="plan-header">
        <h2>Measurement plan</h2>
        <p className="muted">Measure the process, never rank people. Each metric has an owner role, a baseline and a target.</p>
        {!locked && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={async () => {
              const metric = await create(newMetricFields());
              if (metric) setEditing(metric.id);
            }}
          >
            + New metric
          </button>
        )}
      </div>
      <PlanConflictBanner />
      {locked ? (
        <p className="banner banner-agreed plan-locked" data-testid="plan-locked">
          This plan was agreed with its map and is read-only: make a new version to change it. Readings taken at later reviews
          can still be added; the report shows them as recorded after the agreement.
        </p>
      ) : (
        <Suggestions doc={doc} metrics={metrics} />
      )}
      {!loading && metrics.length === 0 && <p className="library-empty">No metrics yet. Add the suggested ones, or a new metric.</p>}
      {metrics.length > 0 && (
        <div className="plan-table-wrap">
          <table className="plan-table" data-testid="plan-table">
            <thead>
              <tr>
                <th>Metric</th>
                <th>Attached to</th>
                <th>Kind</th>
                <th>Data source</th>
                <th>Owner</th>
                <th>Cadence</th>
                <th className="num">Baseline</th>
                <th className="num">Target</th>
                <th className="num">Latest reading</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {metrics.map((m) => {
                const latest = m.readings.at(-1);
                const trend = readingTrend(m);
                return (
                  <tr key={m.id} data-testid="metric-row">
                    <td>
                      <strong>{m.name}</strong>
                      {m.question && <div className="muted small">{m.question}</div>}
                    </td>
                    <td>{attachmentLabel(doc, m.attachTo)}</td>
                    <td>{METRIC_KIND_LABELS[m.kind]}</td>
                    <td className="small">{m.dataSource || <span className="warn-tag">no source</span>}</td>
                    <td>
                      <InlineMetricCell metric={m} field="ownerRole" label="Owner" currency={currency} locked={locked} />
                    </td>
                    <td>{m.cadence}</td>
                    <td className="num">
                      <InlineMetricCell metric={m} field="baseline" label="Baseline" currency={currency} locked={locked} />
                      <span className="cell-unit">{UNIT_SUFFIX[m.unit](currency)}</span>
                    </td>
                    <td className="num">
                      <InlineMetricCell metric={m} field="target" label="Target" currency={currency} locked={locked} />
                      <span className="cell-unit">{UNIT_SUFFIX[m.unit](currency)}</span>
                    </td>
                    <td className="num">
                      {latest ? (
                        <>
                          <strong>{formatMetricValue(latest.value, m.unit, currency)}</strong>
                          <div className="small muted">{formatDate(latest.date)}</div>
                          {trend !== 'none' && <div className={`trend trend-${trend}`}>{TREND_TEXT[trend]}</div>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setEditing(m.id)}
                        aria-label={locked ? `Readings of ${m.name}` : `Edit ${m.name}`}
                      >
                        {locked ? 'Readings' : 'Edit · readings'}
                      </button>
                      {!locked && (
                        <button type="button" className="btn-icon btn-icon-danger" onClick={() => setDeleting(m)} aria-label={`Delete ${m.name}`}>
                          ✕
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editingMetric && <MetricDialog key={editingMetric.id} doc={doc} metric={editingMetric} locked={locked} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete this metric?"
          message={`"${deleting.name}" and its ${deleting.readings.length} readings will be deleted.`}
          confirmLabel="Delete metric"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void remove(deleting.id);
            setDeleting(null);
          }}
        />
      )}
    </main>
  );
}
