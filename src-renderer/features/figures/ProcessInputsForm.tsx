// The whole process's numbers: where buyers enter, how many per period, deal
// size and revenue target. Typed with units and checked as typed.
import { PERIODS, type MapDocument, type Period } from '../../../src-shared/domain/map-document';
import { updateProcessInputs } from '../../../src-shared/domain/map-ops';
import { COUNT_RULE, moneyRule } from '../../../src-shared/domain/number-input';
import { entryStageId } from '../../../src-shared/domain/transition-kind';
import { NumberField } from '../../components/NumberField';
import { useDocumentStore } from '../../store/document-store';
import { CurrencyField } from './CurrencyField';

const PERIOD_LABEL: Record<Period, string> = { month: 'month', quarter: 'quarter' };

export function ProcessInputsForm({ doc }: { doc: MapDocument }) {
  const change = useDocumentStore((s) => s.change);
  const readOnly = useDocumentStore((s) => s.readOnly);
  const p = doc.process;
  const auto = entryStageId(doc);
  const autoName = doc.stages.find((s) => s.id === auto)?.name;
  const per = PERIOD_LABEL[p.period];
  return (
    <section className="inspector-group group-numbers" aria-label="Process inputs">
      <h3>Process inputs</h3>
      <div className="number-pair">
        <label className="field">
          <span>Buyers enter at</span>
          <select
            value={p.entryStageId ?? ''}
            disabled={readOnly}
            onChange={(e) => change((d) => updateProcessInputs(d, { entryStageId: e.target.value || null }), { commit: true })}
          >
            <option value="">{autoName ? `${autoName} (first stage)` : 'First stage'}</option>
            {doc.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Per</span>
          <select value={p.period} disabled={readOnly} onChange={(e) => change((d) => updateProcessInputs(d, { period: e.target.value as Period }), { commit: true })}>
            {PERIODS.map((x) => (
              <option key={x} value={x}>
                {PERIOD_LABEL[x]}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label={`Buyers entering per ${per}`}
          value={p.entriesPerPeriod}
          rule={COUNT_RULE}
          testId="entries-per-period"
          onChange={(entriesPerPeriod) => change((d) => updateProcessInputs(d, { entriesPerPeriod }))}
        />
        <NumberField
          label="Average deal size"
          value={p.averageDealSize}
          rule={moneyRule(p.currency)}
          unit={p.currency}
          testId="average-deal-size"
          onChange={(averageDealSize) => change((d) => updateProcessInputs(d, { averageDealSize }))}
        />
        <NumberField
          label={`Revenue target per ${per}`}
          value={p.revenueTarget}
          rule={moneyRule(p.currency)}
          unit={p.currency}
          testId="revenue-target"
          onChange={(revenueTarget) => change((d) => updateProcessInputs(d, { revenueTarget }))}
        />
        <CurrencyField value={p.currency} onChange={(currency) => change((d) => updateProcessInputs(d, { currency }), { commit: true })} />
      </div>
    </section>
  );
}
