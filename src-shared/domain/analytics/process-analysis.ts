// Everything the app and the report show about a map's process, from one solve of
// the chain: what a screen or an export calls instead of each piece on its own.
import type { MapDocument } from '../map-document';
import { rankBottlenecks, slowestStages, type BottleneckRanking, type SlowestStages } from './bottlenecks';
import { checkMap, type CheckableMetric, type MapCheck } from './checks';
import { computeProcessFigures, type ProcessFigures } from './figures';
import { buildFlowModel, type FlowFailure } from './flow';
import { rolledCompleteAndAccurate, valueAddedRatio, type RolledCompleteAndAccurate, type ValueAddedRatio } from './quality';

export interface ProcessAnalysis {
  figures: ProcessFigures;
  bottlenecks: BottleneckRanking | FlowFailure;
  slowestStages: SlowestStages | FlowFailure;
  rolledCompleteAndAccurate: RolledCompleteAndAccurate;
  valueAddedRatio: ValueAddedRatio;
  checks: MapCheck[];
}

export function analyseProcess(doc: MapDocument, options: { metrics?: readonly CheckableMetric[]; step?: number } = {}): ProcessAnalysis {
  const flow = buildFlowModel(doc);
  return {
    figures: computeProcessFigures(doc, flow),
    bottlenecks: rankBottlenecks(doc, { flow, ...(options.step === undefined ? {} : { step: options.step }) }),
    slowestStages: slowestStages(doc, flow),
    rolledCompleteAndAccurate: rolledCompleteAndAccurate(doc),
    valueAddedRatio: valueAddedRatio(doc),
    checks: checkMap(doc, options.metrics ?? []),
  };
}
