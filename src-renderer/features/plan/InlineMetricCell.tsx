// A cell of the plan table edited in place (owner, baseline, target), so a whole
// plan can be filled in from the keyboard: type, Tab to the next cell. Saved on
// leaving the cell; an invalid value is explained and nothing is saved.
import { useState } from 'react';
import { MetricFieldsSchema, type Metric, type MetricFields } from '../../../src-shared/domain/metric';
import { formatNumberInput, parseNumberInput } from '../../../src-shared/domain/number-input';
import { ruleForUnit } from '../../lib/metric-format';
import { usePlanStore } from '../../store/plan-store';

type Field = 'ownerRole' | 'baseline' | 'target';

const shown = (metric: Metric, field: Field) =>
  field === 'ownerRole' ? metric.ownerRole : formatNumberInput(metric[field], ruleForUnit(metric.unit));

/** `locked`: the version is agreed, so the cell shows its value and cannot be changed. */
export function InlineMetricCell({ metric, field, label, locked = false }: { metric: Metric; field: Field; label: string; locked?: boolean }) {
  const patch = usePlanStore((s) => s.patch);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState('');
  const value = text ?? shown(metric, field);

  const save = async () => {
    if (text === null || locked) return;
    let change: Partial<MetricFields>;
    if (field === 'ownerRole') {
      change = { ownerRole: text.trim() };
    } else {
      const parsed = parseNumberInput(text, ruleForUnit(metric.unit));
      if (!parsed.ok) return setError(parsed.message);
      change = { [field]: parsed.value };
    }
    const checked = MetricFieldsSchema.partial().safeParse(change);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'That value cannot be used.');
    setError('');
    // Only this cell's field is sent, merged onto the latest saved metric.
    if (await patch(metric.id, checked.data)) setText(null);
  };

  return (
    <div className="inline-cell">
      <input
        value={value}
        aria-label={`${label} of ${metric.name}`}
        placeholder={field === 'ownerRole' ? 'role…' : metric.unit === 'percent' ? '%' : '—'}
        inputMode={field === 'ownerRole' ? undefined : 'decimal'}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        readOnly={locked}
        aria-readonly={locked || undefined}
        className={field === 'ownerRole' ? '' : 'num'}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') {
            setText(null);
            setError('');
          }
        }}
      />
      {error && (
        <p className="field-error cell-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
