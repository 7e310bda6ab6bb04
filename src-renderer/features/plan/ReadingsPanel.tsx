// The dated readings of one metric, added at each review, drawn against baseline and target.
// Readings are observations, not part of an agreement: they can be added to an agreed
// version's metrics; of those, only the ones recorded after the agreement can be deleted.
import { useState, type FormEvent } from 'react';
import { parseNumberInput } from '../../../src-shared/domain/number-input';
import { NumberProblem, type NumberTrouble } from '../../components/NumberProblem';
import { formatDate } from '../../lib/format';
import { formatMetricValue, ruleForUnit } from '../../lib/metric-format';
import { recordedAfterAgreement } from '../../../src-shared/domain/agreement';
import { useDocumentStore } from '../../store/document-store';
import { usePlanStore } from '../../store/plan-store';
import { ReadingsChart } from './ReadingsChart';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function ReadingsPanel({ metricId, currency }: { metricId: string; currency: string }) {
  const metric = usePlanStore((s) => s.metrics.find((m) => m.id === metricId));
  const addReading = usePlanStore((s) => s.addReading);
  const deleteReading = usePlanStore((s) => s.deleteReading);
  const signOff = useDocumentStore((s) => s.workshop?.versions.find((v) => v.id === s.versionId)?.signOff ?? null);
  const [date, setDate] = useState(today);
  const [valueText, setValueText] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [question, setQuestion] = useState<NumberTrouble | null>(null);
  if (!metric) return null;

  const add = async (value: number) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError('Pick the date of the reading.');
    setError('');
    setQuestion(null);
    if (await addReading(metric.id, { date, value, note })) {
      setValueText('');
      setNote('');
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseNumberInput(valueText, ruleForUnit(metric.unit, currency));
    setQuestion(null);
    setError('');
    if (!parsed.ok) return parsed.kind === 'ambiguous' ? setQuestion(parsed) : setError(parsed.message);
    if (parsed.value === null) return setError('Type the value that was measured.');
    await add(parsed.value);
  };

  return (
    <section className="readings" aria-label="Readings">
      <h3>Readings</h3>
      <ReadingsChart metric={metric} currency={currency} />
      {metric.readings.length === 0 ? (
        <p className="hint">No readings yet. Add one at each review.</p>
      ) : (
        <table className="readings-table">
          <thead>
            <tr>
              <th>Date</th>
              <th>Value</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {metric.readings.map((r) => {
              const after = recordedAfterAgreement(r.recordedAt, signOff);
              return (
                <tr key={r.id} data-testid="reading-row">
                  <td>{formatDate(r.date)}</td>
                  <td className="num">{formatMetricValue(r.value, metric.unit, currency)}</td>
                  <td>
                    {r.note}
                    {after && <span className="muted small"> · recorded after agreement</span>}
                  </td>
                  <td>
                    {(signOff === null || after) && (
                      <button type="button" className="btn-icon btn-icon-danger" aria-label={`Delete reading of ${r.date}`} onClick={() => void deleteReading(metric.id, r.id)}>
                        ✕
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="reading-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>Date</span>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field">
          <span>Value ({metric.unit === 'percent' ? '%' : metric.unit === 'currency' ? currency : metric.unit})</span>
          <input value={valueText} inputMode="decimal" onChange={(e) => setValueText(e.target.value)} data-testid="reading-value" aria-invalid={error || question ? true : undefined} />
        </label>
        <label className="field reading-note">
          <span>Note</span>
          <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary">
          Add reading
        </button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {question && <NumberProblem problem={question} onPick={(value) => void add(value)} />}
    </section>
  );
}
