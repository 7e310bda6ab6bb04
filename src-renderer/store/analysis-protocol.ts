// Messages between the analysis runner (UI thread) and its worker: the map's analysis
// inputs out, the chain back, each tagged with the request's sequence number so a
// result for inputs that have changed since can be told apart and dropped.
import type { ChainAnalysis } from '../../src-shared/domain/analytics';
import type { MapDocument } from '../../src-shared/domain/map-document';

export interface AnalysisRequest {
  seq: number;
  /** analysisInputs of the map: no names, texts or positions. */
  doc: MapDocument;
}

export type AnalysisResponse = { seq: number; ok: true; analysis: ChainAnalysis } | { seq: number; ok: false; message: string };
