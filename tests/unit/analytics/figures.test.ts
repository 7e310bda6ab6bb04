// The process figures a leader sees: each a number with the inputs it used, or the
// inputs it still needs, or the reason it has none. Hand-worked examples throughout.
import { describe, expect, it } from 'vitest';
import b2bTemplate from '../../../resources/templates/b2b-buying-journey.json';
import { computeProcessFigures, inputLabel, type Figure } from '../../../src-shared/domain/analytics';
import { defaultProcessInputs, type MapDocument, type ProcessInputs } from '../../../src-shared/domain/map-document';
import { templateDocument } from '../../../src-shared/domain/templates';
import { aMapDocument, aProcessCast, aRatedTransition as rated } from '../../fixtures/factories';

/** The inputs a figure used, each with the words it is shown with. */
function labelledInputs(doc: MapDocument, figure: Figure<unknown>) {
  return figure.status === 'ok' ? figure.inputs.map((input) => ({ ...input, label: inputLabel(doc, input) })) : [];
}

function valueOf<T>(figure: Figure<T>): T {
  if (figure.status !== 'ok') throw new Error(`expected a value, got ${JSON.stringify(figure)}`);
  return figure.value;
}
function withProcess(doc: MapDocument, process: Partial<ProcessInputs>): MapDocument {
  return { ...doc, process: { ...defaultProcessInputs(), ...process } };
}

/**
 * A →0.8→ B, A →0.2→ No decision; B →0.5→ A (re-evaluate), B →0.5→ Won. A takes 10 days a visit, B 20.
 * Visits from A: v_A = 1 + 0.5·v_B, v_B = 0.8·v_A → v_A = 1/0.6 = 5/3, v_B = 4/3.
 * Win probability from each stage: b_B = 0.5 + 0.5·b_A, b_A = 0.8·b_B → b_B = 5/6, b_A = 2/3 (the win rate).
 */
function aLoopingProcess() {
  const { stages, won, noDecision } = aProcessCast(['Assess', 'Build the case']);
  const [a, b] = stages as [typeof stages[0], typeof stages[0]];
  a.daysPerVisit = 10;
  b.daysPerVisit = 20;
  const doc = aMapDocument({
    stages,
    outcomes: [won, noDecision],
    transitions: [rated(a, b, 0.8), rated(a, noDecision, 0.2), rated(b, a, 0.5), rated(b, won, 0.5)],
  });
  return { doc, a, b, won, noDecision };
}

describe('the outcome shares', () => {
  it('come from the chain, with every rate and the entry listed as inputs', () => {
    const { doc, a } = aLoopingProcess();
    const figures = computeProcessFigures(doc);
    expect(valueOf(figures.winRate)).toBeCloseTo(2 / 3, 12);
    expect(valueOf(figures.noDecisionShare)).toBeCloseTo(1 / 3, 12);
    expect(valueOf(figures.lostShare)).toBe(0);
    expect(labelledInputs(doc, figures.winRate)).toEqual(
      expect.arrayContaining([
        { kind: 'entry-stage', stageId: a.id, label: 'Buyers enter at "Assess"' },
        expect.objectContaining({ kind: 'conversion', value: 0.8, from: 'entered', label: 'Conversion rate from "Assess" to "Build the case"' }),
      ]),
    );
  });
});

describe('cycle time and days to a win', () => {
  it('cycle time to any outcome is the expected visits times the days per visit: (N·t)[entry]', () => {
    // 10·5/3 + 20·4/3 = 50/3 + 80/3 = 130/3 ≈ 43.3 days.
    const figures = computeProcessFigures(aLoopingProcess().doc);
    expect(valueOf(figures.cycleTimeDays)).toBeCloseTo(130 / 3, 10);
  });

  it('days to a win follow only the buyers who win, who take longer here than the average buyer', () => {
    // Conditioned chain: Q′(A→B) = 0.8·b_B/b_A = 0.8·(5/6)/(2/3) = 1; Q′(B→A) = 0.5·b_A/b_B = 0.5·(2/3)/(5/6) = 0.4.
    // v′_A = 1 + 0.4·v′_B, v′_B = v′_A → v′_A = v′_B = 5/3. Days to win = 10·5/3 + 20·5/3 = 50.
    // (Cross-check: N[A,s]·b_s/b_A = (5/3)(2/3)/(2/3) = 5/3 for A and (4/3)(5/6)/(2/3) = 5/3 for B.)
    // Buyers who leave to No decision leave early, from A, so winners spend longer: 50 > 43.3.
    const figures = computeProcessFigures(aLoopingProcess().doc);
    expect(valueOf(figures.daysToWin)).toBeCloseTo(50, 10);
  });

  it('on a straight path, days to a win are the days of the stages on it', () => {
    // A (10 d) →0.5→ B (20 d) →0.6→ Won, A →0.5→ No decision, B →0.4→ Lost.
    // Cycle time = 10 + 0.5·20 = 20; days to win = 10 + 20 = 30.
    const { stages, won, lost, noDecision } = aProcessCast(['A', 'B'], { daysPerVisit: 10 });
    const [a, b] = stages as [typeof stages[0], typeof stages[0]];
    b.daysPerVisit = 20;
    const doc = aMapDocument({
      stages,
      outcomes: [won, lost, noDecision],
      transitions: [rated(a, b, 0.5), rated(a, noDecision, 0.5), rated(b, won, 0.6), rated(b, lost, 0.4)],
    });
    const figures = computeProcessFigures(doc);
    expect(valueOf(figures.cycleTimeDays)).toBeCloseTo(20, 12);
    expect(valueOf(figures.daysToWin)).toBeCloseTo(30, 12);
  });

  it('need the days of every stage buyers visit, named by stage', () => {
    const { doc, b } = aLoopingProcess();
    b.daysPerVisit = null;
    const figures = computeProcessFigures(doc);
    expect(figures.cycleTimeDays).toEqual({ status: 'missing', missing: [{ kind: 'days-per-visit', stageId: b.id, label: 'Days per visit in "Build the case"' }] });
    expect(figures.daysToWin).toMatchObject({ status: 'missing' });
  });

  it('days to a win do not need the days of a stage from which nobody wins', () => {
    // A dead-end side stage: cycle time needs its days, days to a win do not.
    const { doc, a, noDecision } = aLoopingProcess();
    const side = aProcessCast(['Side track']).stages[0]!;
    const transitions = doc.transitions.map((t) => (t.source === a.id && t.target === noDecision.id ? { ...t, conversionRate: 0.1 } : t));
    const withSide = { ...doc, stages: [...doc.stages, side], transitions: [...transitions, rated(a, side, 0.1), rated(side, noDecision, 1)] };
    const figures = computeProcessFigures(withSide);
    expect(figures.cycleTimeDays).toMatchObject({ status: 'missing', missing: [expect.objectContaining({ stageId: side.id })] });
    expect(figures.daysToWin.status).toBe('ok');
  });

  it('days to a win are not defined when nobody wins, and say so', () => {
    const { stages, lost } = aProcessCast(['A'], { daysPerVisit: 5 });
    const figures = computeProcessFigures(aMapDocument({ stages, outcomes: [lost], transitions: [rated(stages[0]!, lost, 1)] }));
    expect(valueOf(figures.cycleTimeDays)).toBe(5);
    expect(figures.daysToWin).toEqual({ status: 'not-defined', reason: expect.stringContaining('No buyer reaches a Won outcome') });
  });
});

describe('capacity against the target', () => {
  // Win rate 2/3 (the looping process), 60 buyers enter a month, deals are worth 10 000, target 500 000.
  // Wins = 60·2/3 = 40; revenue = 40·10 000 = 400 000; gap = 500 000 − 400 000 = 100 000 short;
  // entries needed = 500 000 / (2/3 · 10 000) = 75 a month.
  const process = { entriesPerPeriod: 60, averageDealSize: 10_000, revenueTarget: 500_000 };

  it('turns entries into wins, revenue and the gap to the target (positive = short)', () => {
    const doc = withProcess(aLoopingProcess().doc, process);
    const figures = computeProcessFigures(doc);
    expect(valueOf(figures.winsPerPeriod)).toBeCloseTo(40, 9);
    expect(valueOf(figures.revenuePerPeriod)).toBeCloseTo(400_000, 6);
    expect(valueOf(figures.revenueGap)).toBeCloseTo(100_000, 6);
    expect(labelledInputs(doc, figures.revenueGap)).toEqual([
      { kind: 'process', field: 'revenueTarget', value: 500_000, label: 'Revenue target per month' },
      { kind: 'figure', figure: 'revenuePerPeriod', value: expect.closeTo(400_000, 6), label: 'Revenue per month' },
    ]);
    expect(labelledInputs(doc, figures.winsPerPeriod)).toEqual([
      { kind: 'process', field: 'entriesPerPeriod', value: 60, label: 'Buyers entering per month' },
      { kind: 'figure', figure: 'winRate', value: expect.closeTo(2 / 3, 12), label: 'Win rate' },
    ]);
  });

  it('says how many buyers would have to enter to meet the target at today’s conversion', () => {
    const figures = computeProcessFigures(withProcess(aLoopingProcess().doc, process));
    expect(valueOf(figures.entriesNeededPerPeriod)).toBeCloseTo(75, 9);
  });

  it('shows a surplus as a negative gap', () => {
    const figures = computeProcessFigures(withProcess(aLoopingProcess().doc, { ...process, revenueTarget: 300_000 }));
    expect(valueOf(figures.revenueGap)).toBeCloseTo(-100_000, 6);
  });

  it('has no entries-needed figure when the process wins nothing', () => {
    const { stages, lost, won } = aProcessCast(['A']);
    const doc = withProcess(aMapDocument({ stages, outcomes: [won, lost], transitions: [rated(stages[0]!, lost, 1), rated(stages[0]!, won, 0)] }), process);
    const figures = computeProcessFigures(doc);
    expect(valueOf(figures.winsPerPeriod)).toBe(0);
    expect(figures.entriesNeededPerPeriod).toMatchObject({ status: 'not-defined', reason: expect.stringContaining('No number of new buyers') });
  });

  it('names the process inputs still blank, per figure', () => {
    const figures = computeProcessFigures(aLoopingProcess().doc);
    const labels = (f: Figure) => (f.status === 'missing' ? f.missing.map((m) => m.label) : f.status);
    expect(labels(figures.winsPerPeriod)).toEqual(['Buyers entering per month']);
    expect(labels(figures.revenuePerPeriod)).toEqual(['Buyers entering per month', 'Average deal size']);
    expect(labels(figures.revenueGap)).toEqual(['Buyers entering per month', 'Average deal size', 'Revenue target per month']);
    expect(labels(figures.entriesNeededPerPeriod)).toEqual(['Average deal size', 'Revenue target per month']);
  });

  it('names blank rates and blank process inputs together, so one look shows all that is left', () => {
    const { doc, a, b } = aLoopingProcess();
    const blank = { ...doc, transitions: doc.transitions.map((t) => (t.source === a.id && t.target === b.id ? { ...t, conversionRate: null } : t)) };
    const figures = computeProcessFigures(withProcess(blank, { period: 'quarter' }));
    expect(figures.winsPerPeriod).toEqual({
      status: 'missing',
      missing: [
        { kind: 'conversion', transitionId: expect.any(String), stageId: a.id, label: 'Conversion rate from "Assess" to "Build the case"' },
        { kind: 'process', field: 'entriesPerPeriod', label: 'Buyers entering per quarter' },
      ],
    });
  });

  it('is blocked, not guessed, while the map has an error', () => {
    const { doc, a, noDecision } = aLoopingProcess();
    const broken = { ...doc, transitions: doc.transitions.map((t) => (t.source === a.id && t.target === noDecision.id ? { ...t, conversionRate: 0.9 } : t)) };
    const figures = computeProcessFigures(withProcess(broken, process));
    for (const figure of [figures.winRate, figures.cycleTimeDays, figures.daysToWin, figures.revenueGap]) {
      expect(figure).toEqual({ status: 'blocked', problems: [expect.objectContaining({ code: 'rates-exceed-100', stageId: a.id })] });
    }
  });
});

describe('buyers per stage', () => {
  it('are the entries times the expected visits, loops included (for the funnel chart)', () => {
    // 60 entries: A 60·5/3 = 100 visits a month, B 60·4/3 = 80.
    const { doc, a, b } = aLoopingProcess();
    const figures = computeProcessFigures(withProcess(doc, { entriesPerPeriod: 60 }));
    expect(valueOf(figures.buyersPerStage)).toEqual([
      { stageId: a.id, visitsPerEntry: expect.closeTo(5 / 3, 12), buyersPerPeriod: expect.closeTo(100, 9) },
      { stageId: b.id, visitsPerEntry: expect.closeTo(4 / 3, 12), buyersPerPeriod: expect.closeTo(80, 9) },
    ]);
  });
});

describe('the B2B buying-journey template with typed rates', () => {
  // Rates by template transition id; blanks take the rest of their stage.
  const RATES: Record<string, number | null> = {
    't-1-2': 0.7, // Recognise → Define; 30 % stall
    't-2-3': 0.6,
    't-2-no_decision': null, // rest: 0.4
    't-3-4': 0.5,
    't-3-lost': 0.3, // 20 % stall
    't-4-5': 0.6,
    't-4-3': 0.2, // re-evaluate
    't-4-no_decision': null, // rest: 0.2
    't-5-won': 0.55,
    't-5-lost': null, // rest: 0.45
  };

  function typedTemplate(): MapDocument {
    const doc = templateDocument('b2b-buying-journey');
    // templateDocument keeps the template's order while renewing ids.
    return { ...doc, transitions: doc.transitions.map((t, i) => ({ ...t, conversionRate: RATES[b2bTemplate.transitions[i]!.id]! })) };
  }

  it('wins what pushing the buyers through the map step by step wins', () => {
    // Closed form: from stage 3, p3 = 0.5·p4 and p4 = 0.6 + 0.2·p3 (p = chance to reach stage 5),
    // so p3 = 0.3 + 0.1·p3 = 1/3; win = 0.7 · 0.6 · 1/3 · 0.55 = 0.077.
    // Independently: move the mass of 1 buyer along the typed rates until (almost) none is left in a stage.
    const doc = typedTemplate();
    const outcomeKind = new Map(doc.outcomes.map((o) => [o.id, o.kind]));
    const restOf = (stageId: string) => 1 - doc.transitions.filter((t) => t.source === stageId && t.conversionRate !== null).reduce((s, t) => s + t.conversionRate!, 0);
    let mass = new Map([[doc.stages[0]!.id, 1]]);
    let won = 0;
    for (let step = 0; step < 500; step++) {
      const next = new Map<string, number>();
      for (const [stageId, m] of mass) {
        for (const t of doc.transitions.filter((x) => x.source === stageId)) {
          const flow = m * (t.conversionRate ?? restOf(stageId));
          if (outcomeKind.get(t.target) === 'won') won += flow;
          else if (!outcomeKind.has(t.target)) next.set(t.target, (next.get(t.target) ?? 0) + flow);
        }
      }
      mass = next;
    }
    expect(won).toBeCloseTo(0.077, 12);
    expect(valueOf(computeProcessFigures(doc).winRate)).toBeCloseTo(won, 12);
  });

  it('lists the stall of the first stage among the inputs of the win rate', () => {
    const doc = typedTemplate();
    const figure = computeProcessFigures(doc).winRate;
    expect(figure.status).toBe('ok');
    expect(labelledInputs(doc, figure)).toEqual(
      expect.arrayContaining([{ kind: 'stalled', stageId: doc.stages[0]!.id, value: expect.closeTo(0.3, 12), label: 'Share that stalls in "Recognise the problem" (no rate assigned)' }]),
    );
  });

  it('as shipped, with no rates, asks for all ten of them', () => {
    const figure = computeProcessFigures(templateDocument('b2b-buying-journey')).winRate;
    // No stage has a single blank exit that could take the rest: stage 1's only transition leads
    // to a stage, and every other stage has two or three blanks.
    expect(figure.status).toBe('missing');
    if (figure.status === 'missing') expect(figure.missing).toHaveLength(10);
  });
});
