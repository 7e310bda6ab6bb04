// Analysis per keystroke: how long the UI thread spends on the process analysis when a
// facilitator types a letter of a stage name, and when they type a digit of a rate,
// through the editor session's AnalysisRunner (src-renderer/store/analysis-runner.ts).
// A name keystroke re-words the last result and re-runs the checks; a rate keystroke
// re-runs the chain: in the UI thread below the worker threshold, above it in a worker,
// the UI thread then only stripping the map and posting it (structuredClone stands in
// for postMessage's copy). `full_analysis_ms` is what every keystroke cost before.
import { analyseChain, analyseProcess } from '../src-shared/domain/analytics';
import type { MapDocument } from '../src-shared/domain/map-document';
import { updateStage, updateTransition } from '../src-shared/domain/map-ops';
import { createAnalysisRunner, WORKER_THRESHOLD_STAGES, type AnalysisWorker } from '../src-renderer/store/analysis-runner';
import type { AnalysisRequest } from '../src-renderer/store/analysis-protocol';
import { bigMap } from './big-map';
import { median } from './timing';


/** A worker that copies what it is sent, as postMessage does, and answers only when asked. */
function copyingWorker(): AnalysisWorker & { answer(): void } {
  let listener: ((event: { data: never }) => void) | null = null;
  let last: AnalysisRequest | null = null;
  return {
    postMessage(request) {
      last = structuredClone(request);
    },
    addEventListener(type: string, l: (event: never) => void) {
      if (type === 'message') listener = l as never;
    },
    terminate() {},
    answer() {
      if (last && listener) listener({ data: { seq: last.seq, ok: true, analysis: analyseChain(last.doc) } as never });
    },
  };
}

export function benchAnalysisKeystroke(stages: number): Record<string, number | string> {
  const start = bigMap(stages);
  const stageId = start.stages[Math.floor(stages / 2)]!.id;
  const rated = start.transitions.find((t) => t.conversionRate !== null && t.conversionRate < 0.9)!;
  const named = (i: number): MapDocument => updateStage(start, stageId, { name: `Compare options ${'x'.repeat(i % 20)}` });
  const rate = (i: number): MapDocument => updateTransition(start, rated.id, { conversionRate: 0.5 + (i % 40) / 100 });

  const worker = copyingWorker();
  const runner = createAnalysisRunner({ startWorker: () => worker });
  runner.view(start, []);
  worker.answer();
  const nameKeystroke = median((i) => runner.view(named(i), []), 30);
  const rateKeystroke = median((i) => runner.view(rate(i), []), stages >= 1000 ? 10 : 30);
  const rateInWorker = median(() => worker.answer(), stages >= 1000 ? 5 : 15);
  return {
    where: stages >= WORKER_THRESHOLD_STAGES ? 'worker' : 'ui-thread',
    name_keystroke_ui_ms: nameKeystroke,
    rate_keystroke_ui_ms: rateKeystroke,
    ...(stages >= WORKER_THRESHOLD_STAGES ? { rate_keystroke_worker_ms: rateInWorker } : {}),
    full_analysis_ms: median(() => analyseProcess(named(1)), stages >= 1000 ? 5 : 15),
  };
}
