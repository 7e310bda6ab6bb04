// The process analysis of the open map, computed only when one of its inputs changes and,
// for large maps, off the UI thread. One runner per editor session (EditorSession.analysis).
//
// - The chain (figures, bottlenecks…) is computed from analysisInputs(doc): renaming a
//   stage, editing a text or moving a card does not re-run it, its messages are worded
//   with the current names (presentChain). The checks read names and texts; they are
//   cheap and run in the UI thread when what they read changes.
// - Maps of WORKER_THRESHOLD_STAGES stages or more are computed in a Web Worker running
//   the same src-shared code. While a result is pending the last one stays visible,
//   marked as updating. At most one request is in flight; a newer change waits for it and
//   a result for inputs that have changed since is dropped (sequence numbers).
// - If the worker cannot start or fails, the analysis is computed in the UI thread from
//   then on: slower on a huge map, never missing.
import {
  analyseChain,
  analysisInputs,
  chainWording,
  checkMap,
  sameAnalysisInputs,
  sameCheckInputs,
  sameNames,
  type ChainAnalysis,
  type CheckableMetric,
  type MapCheck,
  type ProcessAnalysis,
} from '../../src-shared/domain/analytics';
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';
import { mapIds, shareStrings } from './share-strings';

/**
 * From this many stages the chain is computed in the worker. Below, it takes a few
 * milliseconds (about 2 ms at 200 stages), less than posting a map to a worker and back.
 */
export const WORKER_THRESHOLD_STAGES = 300;

/** What the runner needs of a Worker (a fake one in tests). */
export interface AnalysisWorker {
  postMessage(request: AnalysisRequest): void;
  addEventListener(type: 'message', listener: (event: { data: AnalysisResponse }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

export interface AnalysisView {
  /** The analysis to show: current, or the last one worded with today's names while `updating`. null until a first result exists. */
  analysis: ProcessAnalysis | null;
  /** The checks of the map as it is now (always current: they run in the UI thread). */
  checks: MapCheck[];
  /** A newer result is being computed. */
  updating: boolean;
}

export interface AnalysisRunner {
  /** The view for this map and plan; starts a computation when the analysis inputs changed. Same object while nothing it shows changed. */
  view(doc: MapDocument, metrics: readonly CheckableMetric[]): AnalysisView;
  /** Called when a pending result arrives. */
  subscribe(listener: () => void): () => void;
  /** Changes whenever a subscriber should read view() again (for useSyncExternalStore). */
  version(): number;
  dispose(): void;
}

export interface AnalysisRunnerOptions {
  /** The chain computed in the UI thread (tests count its calls). */
  analyse?: (inputs: MapDocument) => ChainAnalysis;
  /** Starts the worker; null or a throw: compute in the UI thread. Called once, on the first large map. */
  startWorker?: () => AnalysisWorker | null;
  threshold?: number;
  /** Told when the worker failed and the analysis moved to the UI thread. */
  onWorkerFailure?: (message: string) => void;
}

/** The browser's worker for the chain, built by Vite into its own chunk. */
export function startBrowserWorker(): AnalysisWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'leanmap-analysis' }) as unknown as AnalysisWorker;
}

interface Chain {
  /** The result worded with a map's names (re-wording only what a renamed stage changes). Holds the result, not the map it was computed for. */
  word: (doc: MapDocument) => ChainAnalysis;
}

const chainOf = (inputs: MapDocument, result: ChainAnalysis): Chain => ({ word: chainWording(result, inputs) });

export function createAnalysisRunner({ analyse = analyseChain, startWorker = startBrowserWorker, threshold = WORKER_THRESHOLD_STAGES, onWorkerFailure }: AnalysisRunnerOptions = {}): AnalysisRunner {
  const listeners = new Set<() => void>();
  let version = 0;
  let disposed = false;

  /** The map whose inputs were last asked for, and the chain computed for the latest inputs (or an older one while updating). */
  let asked: MapDocument | null = null;
  let chain: Chain | null = null;
  let pending = false;

  let worker: AnalysisWorker | null | 'failed' = null;
  let sequence = 0;
  /** The request in the worker, and the newest one waiting for it. */
  let inFlight: AnalysisRequest | null = null;
  let latest: AnalysisRequest | null = null;

  let checked: { doc: MapDocument; metrics: readonly CheckableMetric[]; checks: MapCheck[] } | null = null;
  let presented: { chain: Chain; doc: MapDocument; analysis: ChainAnalysis } | null = null;
  let shown: { chain: ChainAnalysis | null; checks: MapCheck[]; updating: boolean; view: AnalysisView } | null = null;

  const changed = () => {
    version++;
    for (const listener of [...listeners]) listener();
  };

  const computeHere = (inputs: MapDocument) => {
    chain = chainOf(inputs, analyse(inputs));
    pending = false;
  };

  const failWorker = (message: string) => {
    if (worker !== null && worker !== 'failed') worker.terminate();
    worker = 'failed';
    inFlight = null;
    onWorkerFailure?.(message);
    // The newest inputs still need a result: compute them here.
    if (latest && pending) computeHere(latest.doc);
    latest = null;
    changed();
  };

  const send = (request: AnalysisRequest) => {
    inFlight = request;
    try {
      (worker as AnalysisWorker).postMessage(request);
    } catch (error) {
      failWorker(error instanceof Error ? error.message : String(error));
    }
  };

  const onResponse = (response: AnalysisResponse) => {
    if (disposed || worker === 'failed' || inFlight?.seq !== response.seq) return;
    const request = inFlight;
    inFlight = null;
    if (!response.ok) return failWorker(response.message);
    // Computed here since (the map became small): nothing waits for it.
    if (latest === null) return;
    if (latest.seq !== response.seq) {
      // Inputs changed while it was computed: drop it and compute the newest.
      send(latest);
      return;
    }
    // The copy from the worker has its own string for every id it names: share the map's.
    chain = chainOf(request.doc, shareStrings(response.analysis, mapIds(request.doc)));
    latest = null;
    pending = false;
    changed();
  };

  const ensureWorker = (): AnalysisWorker | null => {
    if (worker === 'failed') return null;
    if (worker !== null) return worker;
    try {
      const started = startWorker();
      if (started === null) {
        worker = 'failed';
        return null;
      }
      worker = started;
      started.addEventListener('message', (event) => onResponse(event.data));
      started.addEventListener('error', () => failWorker('The figures could not be computed in the background.'));
      started.addEventListener('messageerror', () => failWorker('The figures computed in the background could not be read.'));
      return started;
    } catch (error) {
      worker = 'failed';
      onWorkerFailure?.(error instanceof Error ? error.message : String(error));
      return null;
    }
  };

  const ask = (doc: MapDocument) => {
    if (asked !== null && sameAnalysisInputs(asked, doc)) {
      asked = doc;
      return;
    }
    asked = doc;
    const inputs = analysisInputs(doc);
    const background = doc.stages.length >= threshold ? ensureWorker() : null;
    if (background === null) {
      // A small map, or no worker: a result from the worker still on its way is now stale.
      latest = null;
      computeHere(inputs);
      return;
    }
    latest = { seq: ++sequence, doc: inputs };
    pending = true;
    if (inFlight === null) send(latest);
  };

  const checksOf = (doc: MapDocument, metrics: readonly CheckableMetric[]) => {
    if (checked === null || !sameCheckInputs(checked.doc, checked.metrics, doc, metrics)) checked = { doc, metrics, checks: checkMap(doc, metrics) };
    else checked = { ...checked, doc, metrics };
    return checked.checks;
  };

  const chainFor = (doc: MapDocument): ChainAnalysis | null => {
    if (chain === null) return null;
    if (presented === null || presented.chain !== chain || !sameNames(presented.doc, doc)) presented = { chain, doc, analysis: chain.word(doc) };
    return presented.analysis;
  };

  return {
    view(doc, metrics) {
      ask(doc);
      const result = chainFor(doc);
      const checks = checksOf(doc, metrics);
      if (shown === null || shown.chain !== result || shown.checks !== checks || shown.updating !== pending) {
        shown = { chain: result, checks, updating: pending, view: { analysis: result && { ...result, checks }, checks, updating: pending } };
      }
      return shown.view;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    dispose() {
      disposed = true;
      if (worker !== null && worker !== 'failed') worker.terminate();
      worker = 'failed';
      listeners.clear();
    },
  };
}
