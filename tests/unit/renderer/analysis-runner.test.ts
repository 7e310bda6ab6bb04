// The analysis runner: computes the chain only when an analysis input changes, for
// large maps in a worker (a fake one here) whose stale results are dropped, and falls
// back to the UI thread when the worker fails.
import { describe, expect, it, vi } from 'vitest';
import { analyseChain, analyseProcess } from '../../../src-shared/domain/analytics';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { moveNodes, updateStage, updateTransition } from '../../../src-shared/domain/map-ops';
import { createAnalysisRunner, type AnalysisWorker } from '../../../src-renderer/store/analysis-runner';
import type { AnalysisRequest, AnalysisResponse } from '../../../src-renderer/store/analysis-protocol';
import { aMapDocument, aMetric, anOutcome, aStage, aTransition } from '../../fixtures/factories';

/** Enter → Compare (days blank) → Won at 50 %, the rest lost. */
function aJourney(): MapDocument {
  const enter = aStage({ name: 'Recognise the problem', daysPerVisit: 10 });
  const compare = aStage({ name: 'Compare options', daysPerVisit: null });
  const won = anOutcome('won');
  const lost = anOutcome('lost');
  return aMapDocument({
    stages: [enter, compare],
    outcomes: [won, lost],
    transitions: [aTransition(enter, compare, { conversionRate: 0.8 }), aTransition(enter, lost, { conversionRate: null }), aTransition(compare, won, { conversionRate: 0.5 }), aTransition(compare, lost, { conversionRate: null })],
  });
}

/** A worker that answers when told to, with the real arithmetic. */
class FakeWorker implements AnalysisWorker {
  requests: AnalysisRequest[] = [];
  terminated = false;
  private listeners: Record<string, ((event: never) => void)[]> = {};
  postMessage(request: AnalysisRequest): void {
    this.requests.push(request);
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers request `seq` (or the oldest unanswered) as the real worker would. */
  answer(request: AnalysisRequest, response: Partial<AnalysisResponse> = {}): void {
    const data = { seq: request.seq, ok: true, analysis: analyseChain(request.doc), ...response } as AnalysisResponse;
    for (const l of this.listeners.message ?? []) l({ data } as never);
  }
  fail(): void {
    for (const l of this.listeners.error ?? []) l({} as never);
  }
}

const daysLabel = (doc: MapDocument, view: ReturnType<ReturnType<typeof createAnalysisRunner>['view']>) => {
  const cycle = view.analysis!.figures.cycleTimeDays;
  return cycle.status === 'missing' ? cycle.missing.map((m) => m.label) : (expect.fail(`expected days missing in ${doc.stages.length} stages`) as never);
};

function inThread() {
  const analyse = vi.fn(analyseChain);
  const runner = createAnalysisRunner({ analyse, startWorker: () => null });
  return { analyse, runner };
}

describe('when the analysis is computed', () => {
  it('opening a map computes it once, though the plan replaces its empty metrics with an equal empty list, then with the loaded ones', () => {
    const { analyse, runner } = inThread();
    const doc = aJourney();
    runner.view(doc, []);
    const again = runner.view(doc, []);
    const loaded = runner.view(doc, [aMetric({ id: 'm1', ownerRole: '' })]);
    expect(analyse).toHaveBeenCalledTimes(1);
    expect(again.checks).toEqual(analyseProcess(doc).checks);
    expect(loaded.checks.map((c) => c.code)).toContain('metric-without-owner');
  });

  it('typing a stage name does not re-run the chain, yet the figures and checks use the new name', () => {
    const { analyse, runner } = inThread();
    const doc = aJourney();
    const before = runner.view(doc, []);
    expect(daysLabel(doc, before)).toEqual(['Days per visit in "Compare options"']);
    const renamed = updateStage(doc, doc.stages[1]!.id, { name: 'Demo day' });
    const after = runner.view(renamed, []);
    expect(analyse).toHaveBeenCalledTimes(1);
    expect(daysLabel(renamed, after)).toEqual(['Days per visit in "Demo day"']);
    expect(after.checks.map((c) => c.code)).toContain('seller-centric-stage-name');
    expect(after.analysis).toEqual(analyseProcess(renamed));
  });

  it('moving a card re-runs nothing and gives the same view object (nothing downstream re-renders)', () => {
    const { analyse, runner } = inThread();
    const doc = aJourney();
    const before = runner.view(doc, []);
    const moved = moveNodes(doc, new Map([[doc.stages[0]!.id, { x: 640, y: 80 }]]));
    expect(runner.view(moved, [])).toBe(before);
    expect(analyse).toHaveBeenCalledTimes(1);
  });

  it('changing a rate re-runs it', () => {
    const { analyse, runner } = inThread();
    const doc = aJourney();
    runner.view(doc, []);
    const changed = updateTransition(doc, doc.transitions[2]!.id, { conversionRate: 0.6 });
    const view = runner.view(changed, []);
    expect(analyse).toHaveBeenCalledTimes(2);
    expect(view.analysis).toEqual(analyseProcess(changed));
    expect(view.updating).toBe(false);
  });
});

describe('large maps, in a worker', () => {
  function withWorker() {
    const worker = new FakeWorker();
    const analyse = vi.fn(analyseChain);
    const onWorkerFailure = vi.fn();
    const runner = createAnalysisRunner({ analyse, startWorker: () => worker, threshold: 2, onWorkerFailure });
    const notified = vi.fn();
    runner.subscribe(notified);
    return { worker, analyse, runner, notified, onWorkerFailure };
  }

  it('sends the map without names, texts or positions, shows "updating" until the answer, then the result', () => {
    const { worker, analyse, runner, notified } = withWorker();
    const doc = aJourney();
    const pending = runner.view(doc, []);
    expect(pending).toMatchObject({ analysis: null, updating: true });
    expect(pending.checks).toEqual(analyseProcess(doc).checks);
    expect(worker.requests).toHaveLength(1);
    expect(JSON.stringify(worker.requests[0]!.doc)).not.toContain('Compare options');
    worker.answer(worker.requests[0]!);
    expect(notified).toHaveBeenCalledTimes(1);
    const done = runner.view(doc, []);
    expect(done.updating).toBe(false);
    expect(done.analysis).toEqual(analyseProcess(doc));
    expect(analyse).not.toHaveBeenCalled();
  });

  it('keeps the last result visible while a newer is computed, one request at a time, and drops a result whose inputs changed since', () => {
    const { worker, runner } = withWorker();
    const doc = aJourney();
    runner.view(doc, []);
    worker.answer(worker.requests[0]!);
    const rate = (r: number) => updateTransition(doc, doc.transitions[2]!.id, { conversionRate: r });
    const first = runner.view(rate(0.6), []);
    expect(first.updating).toBe(true);
    expect(first.analysis).toEqual(analyseProcess(doc));
    runner.view(rate(0.7), []);
    runner.view(rate(0.9), []);
    // Only the first change is in the worker; the newest waits for it.
    expect(worker.requests.map((r) => r.seq)).toEqual([1, 2]);
    worker.answer(worker.requests[1]!);
    const stillOld = runner.view(rate(0.9), []);
    expect(stillOld.updating).toBe(true);
    expect(stillOld.analysis).toEqual(analyseProcess(doc));
    expect(worker.requests.map((r) => r.seq)).toEqual([1, 2, 4]);
    // A late duplicate of an old answer changes nothing.
    worker.answer(worker.requests[1]!);
    expect(runner.view(rate(0.9), []).updating).toBe(true);
    worker.answer(worker.requests[2]!);
    const done = runner.view(rate(0.9), []);
    expect(done.updating).toBe(false);
    expect(done.analysis).toEqual(analyseProcess(rate(0.9)));
  });

  it('a stage renamed while its result is on the way is shown with the new name', () => {
    const { worker, runner } = withWorker();
    const doc = aJourney();
    runner.view(doc, []);
    const renamed = updateStage(doc, doc.stages[1]!.id, { name: 'Shortlist suppliers' });
    runner.view(renamed, []);
    expect(worker.requests).toHaveLength(1);
    worker.answer(worker.requests[0]!);
    expect(daysLabel(renamed, runner.view(renamed, []))).toEqual(['Days per visit in "Shortlist suppliers"']);
  });

  it('a result for a large map that arrives after the map became small is dropped', () => {
    const { worker, runner } = withWorker();
    const doc = aJourney();
    runner.view(doc, []);
    const small = { ...doc, stages: doc.stages.slice(0, 1), transitions: doc.transitions.slice(1, 2) };
    const view = runner.view(small, []);
    expect(view.updating).toBe(false);
    worker.answer(worker.requests[0]!);
    expect(runner.view(small, []).analysis).toEqual(analyseProcess(small));
  });

  it('when the worker fails, the analysis is computed in the UI thread, now and from then on', () => {
    const { worker, analyse, runner, notified, onWorkerFailure } = withWorker();
    const doc = aJourney();
    runner.view(doc, []);
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(onWorkerFailure).toHaveBeenCalledTimes(1);
    expect(notified).toHaveBeenCalled();
    const view = runner.view(doc, []);
    expect(view).toMatchObject({ updating: false });
    expect(view.analysis).toEqual(analyseProcess(doc));
    const changed = updateTransition(doc, doc.transitions[2]!.id, { conversionRate: 0.6 });
    expect(runner.view(changed, []).analysis).toEqual(analyseProcess(changed));
    expect(worker.requests).toHaveLength(1);
    expect(analyse).toHaveBeenCalledTimes(2);
  });

  it('an answer that reports an error also moves the analysis to the UI thread', () => {
    const { worker, runner, onWorkerFailure } = withWorker();
    const doc = aJourney();
    runner.view(doc, []);
    worker.answer(worker.requests[0]!, { ok: false, message: 'out of memory' } as Partial<AnalysisResponse>);
    expect(onWorkerFailure).toHaveBeenCalledWith('out of memory');
    expect(runner.view(doc, []).analysis).toEqual(analyseProcess(doc));
  });

  it('a worker that cannot start: computed in the UI thread', () => {
    const analyse = vi.fn(analyseChain);
    const runner = createAnalysisRunner({
      analyse,
      threshold: 1,
      startWorker: () => {
        throw new Error('Workers are blocked');
      },
    });
    const doc = aJourney();
    expect(runner.view(doc, []).analysis).toEqual(analyseProcess(doc));
    expect(analyse).toHaveBeenCalledTimes(1);
  });

  it('a disposed runner ends its worker and ignores late answers', () => {
    const { worker, runner, notified } = withWorker();
    runner.view(aJourney(), []);
    runner.dispose();
    expect(worker.terminated).toBe(true);
    worker.answer(worker.requests[0]!);
    expect(notified).not.toHaveBeenCalled();
  });
});
