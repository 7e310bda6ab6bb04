// The implementation of every contract method. The mapped type makes a method
// without a handler (or a handler with the wrong shape) a compile error.
import type { Method, MethodOutput, ParsedInput } from '../../src-shared/api/contract';
import type { ExportService } from '../services/export-service';
import type { MetricService } from '../services/metric-service';
import type { WorkshopService } from '../services/workshop-service';

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export interface HandlerDeps {
  workshops: WorkshopService;
  metrics: MetricService;
  exports: ExportService;
  appInfo: MethodOutput<'app.info'>;
}

export function createHandlers({ workshops, metrics, exports, appInfo }: HandlerDeps): Handlers {
  return {
    'app.info': () => appInfo,
    'workshop.list': ({ query, trash }) => workshops.list(query, trash),
    'workshop.create': ({ meta, template }) => workshops.create(meta, template),
    'workshop.get': ({ id }) => workshops.get(id),
    'workshop.update': ({ id, revision, meta }) => workshops.update(id, revision, meta),
    'workshop.rename': ({ id, revision, title }) => workshops.rename(id, revision, title),
    'workshop.duplicate': ({ id }) => workshops.duplicate(id),
    'workshop.trash': ({ id }) => workshops.trash(id),
    'workshop.restore': ({ id }) => workshops.restore(id),
    'workshop.purge': ({ id }) => workshops.purge(id),
    'workshop.exportFile': ({ id }) => workshops.exportFile(id),
    'workshop.importFile': ({ text }) => workshops.importFile(text),
    'map.get': ({ versionId }) => workshops.getMap(versionId),
    'map.save': ({ versionId, revision, document }) => workshops.saveMap(versionId, revision, document),
    'map.agree': ({ versionId, revision, signOff }) => workshops.agreeMap(versionId, revision, signOff),
    'map.createVersion': ({ fromVersionId, name }) => workshops.createVersion(fromVersionId, name),
    'map.renameVersion': ({ versionId, name }) => workshops.renameVersion(versionId, name),
    'map.deleteVersion': ({ versionId, confirmAgreed }) => workshops.deleteVersion(versionId, confirmAgreed),
    'map.withdrawAgreement': ({ versionId, revision, reason }) => workshops.withdrawAgreement(versionId, revision, reason),
    'export.build': ({ versionId, format, paper }) => exports.build(versionId, format, paper),
    'metric.list': ({ versionId }) => metrics.list(versionId),
    'metric.create': ({ versionId, fields }) => metrics.create(versionId, fields),
    'metric.update': ({ id, revision, fields }) => metrics.update(id, revision, fields),
    'metric.delete': ({ id }) => metrics.remove(id),
    'metric.addReading': ({ metricId, reading }) => metrics.addReading(metricId, reading),
    'metric.deleteReading': ({ metricId, readingId }) => metrics.removeReading(metricId, readingId),
  };
}
