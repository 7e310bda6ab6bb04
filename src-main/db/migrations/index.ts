// The SQL schema history: a static, numbered list. Never edit a released step;
// add the next one. PRAGMA user_version records how many steps a file has had.
export interface SchemaMigration {
  version: number;
  name: string;
  sql: string;
}

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
];

export const LATEST_SCHEMA_VERSION = SCHEMA_MIGRATIONS.at(-1)?.version ?? 0;
