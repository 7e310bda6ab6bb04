// The process analysis of the open map and plan, shared by the canvas, the figures and
// the checks. The session's AnalysisRunner (analysis-runner.ts) decides when it is
// computed and where; without a session (tests, a bare component) it is computed here.
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { analyseProcess, type ProcessAnalysis } from '../../src-shared/domain/analytics';
import { OptionalSessionContext } from '../session/SessionContext';
import type { AnalysisView } from './analysis-runner';
import { selectDoc, useDocumentStore } from './document-store';
import { usePlanStore } from './plan-store';

const noSubscription = () => () => {};
const noVersion = () => 0;

/** The analysis to show, its checks, and whether a newer result is being computed; null without an open map. */
export function useAnalysisView(): AnalysisView | null {
  const runner = useContext(OptionalSessionContext)?.analysis ?? null;
  const doc = useDocumentStore(selectDoc);
  const metrics = usePlanStore((s) => s.metrics);
  useSyncExternalStore(runner?.subscribe ?? noSubscription, runner?.version ?? noVersion);
  const standalone = useMemo(() => {
    if (runner || !doc) return null;
    const analysis = analyseProcess(doc, { metrics });
    return { analysis, checks: analysis.checks, updating: false };
  }, [runner, doc, metrics]);
  if (!doc) return null;
  return runner ? runner.view(doc, metrics) : standalone;
}

/** The analysis of the open map (the last one while a newer is being computed); null while none exists yet. */
export function useProcessAnalysis(): ProcessAnalysis | null {
  return useAnalysisView()?.analysis ?? null;
}
