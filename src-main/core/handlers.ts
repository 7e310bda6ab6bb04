// The implementation of every contract method. The mapped type makes a method
// without a handler (or a handler with the wrong shape) a compile error.
import type { Method, MethodOutput, ParsedInput } from '../../src-shared/api/contract';
import type { ExportService } from '../services/export-service';
import type { Guards } from '../services/guards';
import type { ImprovementService } from '../services/improvement-service';
import type { MetricService } from '../services/metric-service';
import type { SessionService } from '../services/session-service';
import type { WorkshopService } from '../services/workshop-service';

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface HandlerDeps {
  workshops: WorkshopService;
  metrics: MetricService;
  improvements: ImprovementService;
  exports: ExportService;
  sessions: SessionService;
  /** Refusals of what the app never sends, run before the service. */
  guards: Guards;
  appInfo: MethodOutput<'app.info'>;
}

export function createHandlers({ workshops, metrics, improvements, exports, sessions, guards, appInfo }: HandlerDeps): Handlers {
  return {
    'app.info': () => appInfo,
    'workshop.list': ({ query, trash }) => workshops.list(query, trash),
    'workshop.create': ({ meta, template }) => {
      guards.statusBacked(null, meta);
      return workshops.create(meta, template);
    },
    'workshop.get': ({ id }) => workshops.get(id),
    'workshop.update': ({ id, revision, meta }) => {
      guards.workshopEditable(id);
      guards.statusBacked(id, meta);
      return workshops.update(id, revision, meta);
    },
    'workshop.rename': ({ id, revision, title }) => {
      guards.workshopEditable(id);
      return workshops.rename(id, revision, title);
    },
    'workshop.duplicate': ({ id }) => {
      guards.workshopEditable(id);
      return workshops.duplicate(id);
    },
    'workshop.trash': ({ id }) => workshops.trash(id),
    'workshop.restore': ({ id }) => workshops.restore(id),
    'workshop.purge': ({ id }) => workshops.purge(id),
    'workshop.exportFile': ({ id }) => workshops.exportFile(id),
    'workshop.importFile': ({ text }) => workshops.importFile(text),
    'map.get': ({ versionId }) => workshops.getMap(versionId),
    'map.open': ({ workshopId }) => workshops.openMap(workshopId),
    'map.save': ({ versionId, revision, document }) => {
      guards.versionEditable(versionId);
      return workshops.saveMap(versionId, revision, document);
    },
    'map.agree': ({ versionId, revision, signOff }) => {
      guards.versionEditable(versionId);
      guards.signOffByParticipants(versionId, signOff);
      return workshops.agreeMap(versionId, revision, signOff);
    },
    'map.createVersion': ({ fromVersionId, name }) => {
      guards.versionEditable(fromVersionId);
      return workshops.createVersion(fromVersionId, name);
    },
    'map.renameVersion': ({ versionId, name }) => {
      guards.versionEditable(versionId);
      return workshops.renameVersion(versionId, name);
    },
    'map.deleteVersion': ({ versionId, confirmAgreed }) => {
      guards.versionEditable(versionId);
      return workshops.deleteVersion(versionId, confirmAgreed);
    },
    'map.withdrawAgreement': ({ versionId, revision, reason }) => {
      guards.versionEditable(versionId);
      return workshops.withdrawAgreement(versionId, revision, reason);
    },
    'export.build': ({ versionId, format, paper, exportId, pngScales }) => exports.build(versionId, format, paper, exportId, pngScales),
    'export.progress': ({ exportId }) => exports.progress(exportId),
    'export.cancel': ({ exportId }) => exports.cancel(exportId),
    'metric.list': ({ versionId }) => metrics.list(versionId),
    // The metric service checks that a metric measures something on its version's map.
    'metric.create': ({ versionId, fields }) => {
      guards.versionEditable(versionId);
      return metrics.create(versionId, fields);
    },
    'metric.update': ({ id, revision, fields }) => {
      guards.metricEditable(id);
      return metrics.update(id, revision, fields);
    },
    'metric.delete': ({ id }) => {
      guards.metricEditable(id);
      return metrics.remove(id);
    },
    'metric.addReading': ({ metricId, reading }) => {
      guards.metricEditable(metricId);
      return metrics.addReading(metricId, reading);
    },
    'metric.deleteReading': ({ metricId, readingId }) => {
      guards.metricEditable(metricId);
      return metrics.removeReading(metricId, readingId);
    },
    'improvement.list': ({ workshopId }) => improvements.list(workshopId),
    // The improvement service checks references, revisions, status moves and the focus limit.
    'improvement.create': ({ workshopId, fields }) => {
      guards.workshopEditable(workshopId);
      return improvements.create(workshopId, fields);
    },
    'improvement.update': ({ id, revision, fields }) => {
      guards.improvementEditable(id);
      return improvements.update(id, revision, fields);
    },
    'improvement.setStatus': ({ id, revision, ...move }) => {
      guards.improvementEditable(id);
      return improvements.setStatus(id, revision, move);
    },
    'improvement.delete': ({ id }) => {
      guards.improvementEditable(id);
      return improvements.remove(id);
    },
    // The session service refuses changes to a workshop in the trash (IN_TRASH) itself.
    'session.get': ({ workshopId }) => sessions.get(workshopId),
    'session.update': ({ workshopId, revision, patch }) => sessions.update(workshopId, revision, patch),
    'session.timer': ({ workshopId, ...action }) => sessions.timer(workshopId, action),
    'vote.open': ({ workshopId, ...input }) => sessions.openVote(workshopId, input),
    'vote.count': ({ workshopId, roundId, targetId, count }) => sessions.countVote(workshopId, roundId, targetId, count),
    'vote.close': ({ workshopId, roundId }) => sessions.closeVote(workshopId, roundId),
    'vote.reveal': ({ workshopId, roundId, revealed }) => sessions.revealVote(workshopId, roundId, revealed),
    'parking.add': ({ workshopId, ...input }) => sessions.addParking(workshopId, input),
    'parking.move': ({ workshopId, id, ...move }) => sessions.moveParking(workshopId, id, move),
    'parking.convertToIdea': ({ workshopId, id }) => sessions.convertToIdea(workshopId, id),
    'decision.add': ({ workshopId, ...input }) => sessions.addDecision(workshopId, input),
    'decision.supersede': ({ workshopId, id, byId }) => sessions.supersedeDecision(workshopId, id, byId),
    'decision.reverse': ({ workshopId, id, reason }) => sessions.reverseDecision(workshopId, id, reason),
  };
}
