// The standard metrics a journey map implies: conversion per transition, days in
// each stage, volume entering, %C&A per stage, win rate and no-decision share.
// Offered one by one; a suggestion already in the plan is not offered again.
import type { MapDocument } from './map-document';
import type { MetricFields } from './metric';
import { classifyTransitions, entryStageOf } from './transition-kind';

export interface MetricSuggestion {
  key: string;
  fields: MetricFields;
}

const CRM = 'CRM stage history (date each opportunity entered and left each stage)';
const PERIOD_WORD = { month: 'month', quarter: 'quarter' } as const;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function suggestMetrics(doc: MapDocument, existingKeys: ReadonlySet<string>): MetricSuggestion[] {
  const period = PERIOD_WORD[doc.process.period];
  const name = (id: string) => doc.stages.find((s) => s.id === id)?.name ?? doc.outcomes.find((o) => o.id === id)?.label ?? '?';
  const kinds = classifyTransitions(doc);
  const entry = entryStageOf(doc);
  const base = {
    dataSource: CRM,
    ownerRole: 'Sales operations',
    cadence: 'monthly' as const,
    target: null,
    question: '',
    definition: '',
  };
  const suggestions: MetricSuggestion[] = [
    {
      key: 'process:win-rate',
      fields: {
        ...base,
        attachTo: { kind: 'process' },
        name: 'Win rate',
        question: 'Of the buyers who start the journey, how many buy from us?',
        definition: `Buyers reaching Won ÷ buyers entering "${entry ? name(entry) : 'the first stage'}", by ${period} of entry`,
        unit: 'percent',
        kind: 'outcome',
        baseline: null,
        suggestionKey: 'process:win-rate',
      },
    },
    {
      key: 'process:no-decision',
      fields: {
        ...base,
        attachTo: { kind: 'process' },
        name: 'No-decision share',
        question: 'How many buyers stay with the status quo or stall?',
        definition: 'Buyers ending in No decision or stalled ÷ buyers entering, by period of entry',
        unit: 'percent',
        kind: 'outcome',
        baseline: null,
        suggestionKey: 'process:no-decision',
      },
    },
    {
      key: 'process:entries',
      fields: {
        ...base,
        attachTo: { kind: 'process' },
        name: 'Buyers entering',
        question: `How many buyers start the journey each ${period}?`,
        definition: `Count of new opportunities entering "${entry ? name(entry) : 'the first stage'}" per ${period}`,
        unit: 'count',
        kind: 'leading',
        baseline: doc.process.entriesPerPeriod,
        suggestionKey: 'process:entries',
      },
    },
  ];
  for (const t of doc.transitions) {
    if (kinds.get(t.id) === 'loop') continue;
    suggestions.push({
      key: `conversion:${t.id}`,
      fields: {
        ...base,
        attachTo: { kind: 'transition', transitionId: t.id },
        name: `Conversion ${name(t.source)} → ${name(t.target)}`,
        question: `Of the buyers in "${name(t.source)}", how many go on to "${name(t.target)}"?`,
        definition: `Buyers moving from "${name(t.source)}" to "${name(t.target)}" ÷ buyers who were in "${name(t.source)}", per ${period}`,
        unit: 'percent',
        kind: 'process',
        baseline: percent(t.conversionRate),
        suggestionKey: `conversion:${t.id}`,
      },
    });
  }
  for (const s of doc.stages) {
    suggestions.push(
      {
        key: `days:${s.id}`,
        fields: {
          ...base,
          attachTo: { kind: 'stage', stageId: s.id },
          name: `Days in "${s.name}"`,
          question: `How long do buyers spend in "${s.name}" each time?`,
          definition: `Mean days from entering to leaving "${s.name}", over buyers who left it this ${period}`,
          unit: 'days',
          kind: 'process',
          baseline: s.daysPerVisit,
          suggestionKey: `days:${s.id}`,
        },
      },
      {
        key: `complete-accurate:${s.id}`,
        fields: {
          ...base,
          attachTo: { kind: 'stage', stageId: s.id },
          name: `%C&A into "${s.name}"`,
          question: `How many hand-offs into "${s.name}" arrive complete and accurate, needing no rework?`,
          definition: `Hand-offs into "${s.name}" that needed no correction or chasing ÷ all hand-offs into it (sample checked at review)`,
          unit: 'percent',
          kind: 'process',
          dataSource: 'Hand-off checklist sampled at each review',
          ownerRole: 'Sales manager',
          baseline: percent(s.completeAndAccurate),
          suggestionKey: `complete-accurate:${s.id}`,
        },
      },
    );
  }
  return suggestions.filter((s) => !existingKeys.has(s.key));
}
