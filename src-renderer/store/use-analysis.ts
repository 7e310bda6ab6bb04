// The process analysis of the open map and plan, computed once per change and
// shared by the canvas, the figures and the checks (they render in the same frame).
// The cache belongs to the window's EditorSession, not to the module.
import { useContext } from 'react';
import { analyseProcess, type ProcessAnalysis } from '../../src-shared/domain/analytics';
import type { MapDocument } from '../../src-shared/domain/map-document';
import type { Metric } from '../../src-shared/domain/metric';
import { OptionalSessionContext } from '../session/SessionContext';
import { selectDoc, useDocumentStore } from './document-store';
import { usePlanStore } from './plan-store';

export interface AnalysisCache {
  of(doc: MapDocument, metrics: readonly Metric[]): ProcessAnalysis;
}

export function createAnalysisCache(analyse = analyseProcess): AnalysisCache {
  let last: { doc: MapDocument; metrics: readonly Metric[]; analysis: ProcessAnalysis } | null = null;
  return {
    of(doc, metrics) {
      if (last?.doc !== doc || last.metrics !== metrics) last = { doc, metrics, analysis: analyse(doc, { metrics }) };
      return last.analysis;
    },
  };
}

export function useProcessAnalysis(): ProcessAnalysis | null {
  const cache = useContext(OptionalSessionContext)?.analysis;
  const doc = useDocumentStore(selectDoc);
  const metrics = usePlanStore((s) => s.metrics);
  if (!doc) return null;
  return cache ? cache.of(doc, metrics) : analyseProcess(doc, { metrics });
}
