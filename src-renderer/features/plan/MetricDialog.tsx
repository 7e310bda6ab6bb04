// Editing one metric: every field of the measurement plan line, checked before
// saving, and its dated readings shown against baseline and target.
import { useId, useState, type FormEvent } from 'react';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import {
  CADENCES,
  METRIC_KINDS,
  METRIC_KIND_LABELS,
  METRIC_UNITS,
  MetricFieldsSchema,
  type Metric,
  type MetricAttachment,
  type MetricFields,
} from '../../../src-shared/domain/metric';
import { formatNumberInput, parseNumberInput } from '../../../src-shared/domain/number-input';
import { Dialog } from '../../components/Dialog';
import { NumberProblem, type NumberTrouble } from '../../components/NumberProblem';
import { attachmentLabel, ruleForUnit } from '../../lib/metric-format';
import { DISPLAY_SEPARATORS } from '../../lib/number-display';
import { usePlanStore } from '../../store/plan-store';
import { ReadingsPanel } from './ReadingsPanel';

const UNIT_TEXT = { percent: '% (percent)', days: 'days', count: 'count', currency: 'currency' } as const;

function attachmentKey(a: MetricAttachment): string {
  return a.kind === 'process' ? 'process' : a.kind === 'stage' ? `stage:${a.stageId}` : `transition:${a.transitionId}`;
}

function attachmentFromKey(key: string): MetricAttachment {
  const [kind, id] = key.split(':') as [string, string | undefined];
  if (kind === 'stage' && id) return { kind: 'stage', stageId: id };
  if (kind === 'transition' && id) return { kind: 'transition', transitionId: id };
  return { kind: 'process' };
}

function Labelled({ label, children, error }: { label: string; children: (id: string) => React.ReactNode; error?: string | undefined }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** `locked`: the version is agreed; the fields are shown read-only and only readings can be added. */
export function MetricDialog({ doc, metric, onClose, locked = false }: { doc: MapDocument; metric: Metric; onClose: () => void; locked?: boolean }) {
  const update = usePlanStore((s) => s.update);
  const [fields, setFields] = useState<MetricFields>(() => {
    const { id: _id, readings: _readings, ...rest } = metric as Metric & { revision?: number; versionId?: string };
    const { revision: _revision, versionId: _versionId, ...fields } = rest;
    return fields;
  });
  const currency = doc.process.currency;
  const rule = ruleForUnit(fields.unit, currency);
  const [baselineText, setBaselineText] = useState(formatNumberInput(metric.baseline, rule, false, DISPLAY_SEPARATORS));
  const [targetText, setTargetText] = useState(formatNumberInput(metric.target, rule, false, DISPLAY_SEPARATORS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** Baseline or target typed so that it reads two ways: asked, not guessed. */
  const [questions, setQuestions] = useState<Partial<Record<'baseline' | 'target', NumberTrouble>>>({});
  const set = <K extends keyof MetricFields>(key: K, value: MetricFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (locked) return;
    const next: Record<string, string> = {};
    const baseline = parseNumberInput(baselineText, rule);
    const target = parseNumberInput(targetText, rule);
    const asked: typeof questions = {};
    if (!baseline.ok) asked.baseline = baseline;
    if (!target.ok) asked.target = target;
    const candidate = { ...fields, baseline: baseline.ok ? baseline.value : null, target: target.ok ? target.value : null };
    const parsed = MetricFieldsSchema.safeParse(candidate);
    if (!parsed.success) for (const issue of parsed.error.issues) next[issue.path.map(String).join('.')] ??= issue.message;
    setErrors(next);
    setQuestions(asked);
    if (Object.keys(next).length > 0 || Object.keys(asked).length > 0 || !parsed.success) return;
    if (await update(metric.id, parsed.data)) onClose();
  };

  const targets = [
    { key: 'process', label: 'Whole process' },
    ...doc.stages.map((s) => ({ key: `stage:${s.id}`, label: `Stage: ${s.name}` })),
    ...doc.transitions.map((t) => ({ key: `transition:${t.id}`, label: attachmentLabel(doc, { kind: 'transition', transitionId: t.id }) })),
  ];

  return (
    <Dialog title="Metric" onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="metric-form">
        {locked && (
          <p className="hint" data-testid="metric-locked">
            Agreed: this metric&apos;s definition, baseline and target are read-only. Make a new version to change them.
          </p>
        )}
        <fieldset disabled={locked} className="plain-fieldset">
        <div className="form-grid">
          <Labelled label="Name *" error={errors.name}>
            {(id) => <input id={id} value={fields.name} maxLength={200} autoFocus onChange={(e) => set('name', e.target.value)} aria-invalid={errors.name ? true : undefined} />}
          </Labelled>
          <Labelled label="Attached to">
            {(id) => (
              <select id={id} value={attachmentKey(fields.attachTo)} onChange={(e) => set('attachTo', attachmentFromKey(e.target.value))}>
                {targets.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
        </div>
        <Labelled label="The question it answers">
          {(id) => <input id={id} value={fields.question} maxLength={500} onChange={(e) => set('question', e.target.value)} />}
        </Labelled>
        <Labelled label="Definition / formula">
          {(id) => <textarea id={id} rows={2} value={fields.definition} maxLength={2000} onChange={(e) => set('definition', e.target.value)} />}
        </Labelled>
        <div className="form-grid form-grid-3">
          <Labelled label="Unit">
            {(id) => (
              <select id={id} value={fields.unit} onChange={(e) => set('unit', e.target.value as MetricFields['unit'])}>
                {METRIC_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {UNIT_TEXT[u]}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
          <Labelled label="Kind">
            {(id) => (
              <select id={id} value={fields.kind} onChange={(e) => set('kind', e.target.value as MetricFields['kind'])}>
                {METRIC_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {METRIC_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
          <Labelled label="Review cadence">
            {(id) => (
              <select id={id} value={fields.cadence} onChange={(e) => set('cadence', e.target.value as MetricFields['cadence'])}>
                {CADENCES.map((c) => (
                  <option key={c} value={c}>
                    {c[0]!.toUpperCase() + c.slice(1)}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
          <Labelled label="Data source (e.g. CRM report)">
            {(id) => <input id={id} value={fields.dataSource} maxLength={500} onChange={(e) => set('dataSource', e.target.value)} />}
          </Labelled>
          <Labelled label="Owner (a role, not a person)">
            {(id) => <input id={id} value={fields.ownerRole} maxLength={200} onChange={(e) => set('ownerRole', e.target.value)} />}
          </Labelled>
          <div />
          {(
            [
              ['baseline', 'Baseline', baselineText, setBaselineText],
              ['target', 'Target', targetText, setTargetText],
            ] as const
          ).map(([key, label, text, setText]) => (
            <Labelled key={key} label={label}>
              {(id) => (
                <>
                  <input id={id} value={text} inputMode="decimal" placeholder="unknown" onChange={(e) => setText(e.target.value)} aria-invalid={questions[key] ? true : undefined} />
                  {questions[key] && (
                    <NumberProblem
                      problem={questions[key]}
                      onPick={(value) => {
                        // The picked reading replaces the text, written as the app writes it.
                        setText(formatNumberInput(value, rule, false, DISPLAY_SEPARATORS));
                        setQuestions(({ [key]: _answered, ...rest }) => rest);
                      }}
                    />
                  )}
                </>
              )}
            </Labelled>
          ))}
        </div>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {locked ? 'Close' : 'Cancel'}
          </button>
          {!locked && (
            <button type="submit" className="btn btn-primary">
              Save metric
            </button>
          )}
        </div>
      </form>
      <ReadingsPanel metricId={metric.id} currency={doc.process.currency} />
    </Dialog>
  );
}
