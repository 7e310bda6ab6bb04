// The SQL schema history: a static, numbered list. Never edit a released step;
// add the next one. PRAGMA user_version records how many steps a file has had.
export interface SchemaMigration {
  version: number;
  name: string;
  sql: string;
}

/** A random version-4 UUID in SQL, evaluated once per row (ids look like the app's own). */
const UUID_SQL = `lower(
  hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))
)`;

export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  {
    version: 1,
    name: 'workshops and map versions',
    sql: `
      CREATE TABLE workshops (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        meta        TEXT NOT NULL,           -- WorkshopMeta as JSON, validated on read
        revision    INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT                     -- set while the workshop is in the trash
      );
      CREATE INDEX workshops_by_updated ON workshops (deleted_at, updated_at DESC);

      CREATE TABLE map_versions (
        id          TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        sort_order  INTEGER NOT NULL,
        document    TEXT NOT NULL,           -- MapDocument as JSON, validated on write and read
        revision    INTEGER NOT NULL DEFAULT 1,
        sign_off    TEXT,                    -- SignOff as JSON once agreed (then read-only)
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX map_versions_by_workshop ON map_versions (workshop_id, sort_order);
    `,
  },
  {
    version: 2,
    name: 'measurement plan: metrics and their readings',
    sql: `
      CREATE TABLE metrics (
        id          TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        sort_order  INTEGER NOT NULL,
        fields      TEXT NOT NULL,           -- MetricFields as JSON, validated on write and read
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX metrics_by_workshop ON metrics (workshop_id, sort_order);

      CREATE TABLE metric_readings (
        id         TEXT PRIMARY KEY,
        metric_id  TEXT NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
        date       TEXT NOT NULL,            -- YYYY-MM-DD
        value      REAL NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX metric_readings_by_metric ON metric_readings (metric_id, date);
    `,
  },
  {
    version: 3,
    name: 'a measurement plan per map version; metric revisions; withdrawn agreements',
    // Each existing metric stays (same id, same readings) with its workshop's first
    // version, and every other version gets a copy with new ids and copies of its
    // readings: until now one plan was shown for every version, so each version's
    // plan starts as exactly what it showed. Agreed versions get the workshop facts
    // of today frozen into their sign-off (the closest to what they were agreed with).
    // version_id stays nullable only because SQLite cannot add a NOT NULL reference;
    // the repository always sets it.
    sql: `
      ALTER TABLE metrics ADD COLUMN version_id TEXT REFERENCES map_versions (id) ON DELETE CASCADE;
      ALTER TABLE metrics ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE map_versions ADD COLUMN agreement_history TEXT NOT NULL DEFAULT '[]';

      UPDATE metrics SET version_id = (
        SELECT v.id FROM map_versions v WHERE v.workshop_id = metrics.workshop_id
        ORDER BY v.sort_order, v.created_at, v.id LIMIT 1
      );

      CREATE TEMP TABLE metric_copies AS
        SELECT m.id AS old_id, v.id AS version_id, ${UUID_SQL} AS new_id
        FROM metrics m JOIN map_versions v ON v.workshop_id = m.workshop_id AND v.id <> m.version_id;

      INSERT INTO metrics (id, workshop_id, sort_order, fields, created_at, updated_at, version_id, revision)
        SELECT c.new_id, m.workshop_id, m.sort_order, m.fields, m.created_at, m.updated_at, c.version_id, 1
        FROM metric_copies c JOIN metrics m ON m.id = c.old_id;

      INSERT INTO metric_readings (id, metric_id, date, value, note, created_at)
        SELECT ${UUID_SQL}, c.new_id, r.date, r.value, r.note, r.created_at
        FROM metric_copies c JOIN metric_readings r ON r.metric_id = c.old_id;

      DROP TABLE metric_copies;
      CREATE INDEX metrics_by_version ON metrics (version_id, sort_order);

      UPDATE map_versions SET sign_off = json_set(
        sign_off, '$.facts', json((SELECT w.meta FROM workshops w WHERE w.id = map_versions.workshop_id))
      ) WHERE sign_off IS NOT NULL AND json_extract(sign_off, '$.facts') IS NULL;
    `,
  },
  {
    version: 4,
    name: 'improvements: the kaizen items of a workshop',
    // Status and the focus-override reason are columns (the focus limit reads them);
    // the rest of the item is JSON validated on write and read. Review state and
    // overdue are computed from trial start and review date, never stored.
    sql: `
      CREATE TABLE improvements (
        id                    TEXT PRIMARY KEY,
        workshop_id           TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        revision              INTEGER NOT NULL DEFAULT 1,
        fields                TEXT NOT NULL,   -- ImprovementFields as JSON
        status                TEXT NOT NULL DEFAULT 'idea',
        focus_override_reason TEXT,
        prediction            TEXT,            -- FrozenPrediction as JSON once planned
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL
      );
      CREATE INDEX improvements_by_workshop ON improvements (workshop_id, created_at);
    `,
  },
  {
    version: 5,
    name: 'a map version records the version it was copied from',
    // Versions made before this step have no recorded source (NULL): the comparison
    // then matches by id where ids match and says so where they do not. Deleting the
    // source leaves the copy without one rather than refusing the delete.
    sql: `
      ALTER TABLE map_versions ADD COLUMN source_version_id TEXT REFERENCES map_versions (id) ON DELETE SET NULL;
    `,
  },
  {
    version: 6,
    name: 'facilitation records: agenda, timer, audience view, votes, parking lot, decisions',
    // One row per workshop, created on first use; the records change together (the
    // timer with the agenda, a vote with what the room sees), so one JSON keeps each
    // change one write, validated on write and read.
    sql: `
      CREATE TABLE workshop_sessions (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
        records     TEXT NOT NULL,           -- SessionRecords as JSON, validated on write and read
        revision    INTEGER NOT NULL DEFAULT 1,
        updated_at  TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'a map version stores the digest of its checked document',
    // "format:sha1" of the exact stored JSON, written with every document (each one was
    // checked against the map schema on its way in); a read whose text still matches
    // trusts it (src-main/db/document-digest.ts). Rows written before this step have
    // none (NULL) and are checked on every first read, as before; a read never writes.
    sql: `
      ALTER TABLE map_versions ADD COLUMN document_digest TEXT;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_MIGRATIONS.at(-1)?.version ?? 0;
