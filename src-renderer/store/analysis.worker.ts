// The process analysis off the UI thread: the same src-shared arithmetic, run on the
// analysis inputs the runner sends (analysis-runner.ts), answered with the chain.
import { analyseChain } from '../../src-shared/domain/analytics';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { seq, doc } }) => {
  try {
    scope.postMessage({ seq, ok: true, analysis: analyseChain(doc) });
  } catch (error) {
    scope.postMessage({ seq, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
