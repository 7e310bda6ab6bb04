// The questions the event rules ask the database: which workshop a version or an
// improvement belongs to, and where a metric is.
import type { Db } from '../db/open';
import type { EventLookup } from './event-rules';

export function createEventLookup(db: Db): EventLookup {
  const version = db.prepare('SELECT workshop_id FROM map_versions WHERE id = ?');
  const metric = db.prepare('SELECT workshop_id, version_id FROM metrics WHERE id = ?');
  const improvement = db.prepare('SELECT workshop_id FROM improvements WHERE id = ?');
  return {
    workshopOfVersion: (id) => (version.get(id) as { workshop_id: string } | undefined)?.workshop_id,
    workshopOfImprovement: (id) => (improvement.get(id) as { workshop_id: string } | undefined)?.workshop_id,
    metricPlace: (id) => {
      const row = metric.get(id) as { workshop_id: string; version_id: string } | undefined;
      return row ? { workshopId: row.workshop_id, versionId: row.version_id } : undefined;
    },
  };
}
