// The process analysis of the open map and plan, computed once per change and
// shared by the canvas, the figures and the checks (they render in the same frame).
import { analyseProcess, type ProcessAnalysis } from '../../src-shared/domain/analytics';
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { Metric } from '../../src-shared/domain/metric';
import { selectDoc, useDocumentStore } from './document-store';
import { usePlanStore } from './plan-store';

let last: { doc: MapDocument; metrics: readonly Metric[]; analysis: ProcessAnalysis } | null = null;

export function analysisOf(doc: MapDocument, metrics: readonly Metric[]): ProcessAnalysis {
  if (last?.doc !== doc || last.metrics !== metrics) last = { doc, metrics, analysis: analyseProcess(doc, { metrics }) };
  return last.analysis;
}

export function useProcessAnalysis(): ProcessAnalysis | null {
  const doc = useDocumentStore(selectDoc);
  const metrics = usePlanStore((s) => s.metrics);
  return doc ? analysisOf(doc, metrics) : null;
}
