// A cell of the plan table edited in place (owner, baseline, target), so a whole
// plan can be filled in from the keyboard: type, Tab to the next cell. Saved on
// leaving the cell; a refused value is explained, an ambiguous one asks which
// reading was meant, and nothing is saved until it is clear.
import { useState } from 'react';
import { MetricFieldsSchema, type Metric, type MetricFields } from '../../../src-shared/domain/metric';
import { formatNumberInput, parseNumberInput } from '../../../src-shared/domain/number-input';
import { NumberProblem, type NumberTrouble } from '../../components/NumberProblem';
import { ruleForUnit } from '../../lib/metric-format';
import { DISPLAY_SEPARATORS } from '../../lib/number-display';
import { usePlanStore } from '../../store/plan-store';

type Field = 'ownerRole' | 'baseline' | 'target';

/** `locked`: the version is agreed, so the cell shows its value and cannot be changed. */
export function InlineMetricCell({
  metric,
  field,
  label,
  currency,
  locked = false,
}: {
  metric: Metric;
  field: Field;
  label: string;
  currency: string;
  locked?: boolean;
}) {
  const patch = usePlanStore((s) => s.patch);
  const rule = ruleForUnit(metric.unit, currency);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<NumberTrouble | { kind: 'invalid'; message: string } | null>(null);
  const value = text ?? (field === 'ownerRole' ? metric.ownerRole : formatNumberInput(metric[field], rule, false, DISPLAY_SEPARATORS));

  const send = async (change: Partial<MetricFields>) => {
    if (locked) return;
    const checked = MetricFieldsSchema.partial().safeParse(change);
    if (!checked.success) return setProblem({ kind: 'invalid', message: 'That value cannot be used here.' });
    setProblem(null);
    // Only this cell's field is sent, merged onto the latest saved metric.
    if (await patch(metric.id, checked.data)) setText(null);
  };

  const save = async () => {
    if (text === null || locked) return;
    if (field === 'ownerRole') return send({ ownerRole: text.trim() });
    const parsed = parseNumberInput(text, rule);
    if (!parsed.ok) return setProblem(parsed);
    return send({ [field]: parsed.value });
  };

  return (
    <div className="inline-cell">
      <input
        value={value}
        aria-label={`${label} of ${metric.name}`}
        placeholder={field === 'ownerRole' ? 'role…' : metric.unit === 'percent' ? '%' : '—'}
        inputMode={field === 'ownerRole' ? undefined : 'decimal'}
        maxLength={200}
        aria-invalid={problem ? true : undefined}
        readOnly={locked}
        aria-readonly={locked || undefined}
        className={field === 'ownerRole' ? '' : 'num'}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') {
            setText(null);
            setProblem(null);
          }
        }}
      />
      {problem &&
        (problem.kind === 'invalid' ? (
          <p className="field-error cell-error" role="alert">
            {problem.message}
          </p>
        ) : (
          <NumberProblem
            problem={problem}
            className={problem.kind === 'refused' ? 'cell-error' : 'cell-question'}
            onPick={(reading) => void send({ [field]: reading })}
          />
        ))}
    </div>
  );
}
