// The composition root shared by Electron, the browser host and the tests: opens
// and migrates the database in a data folder and wires the services to the API.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './core/dispatcher';
import { createHandlers } from './core/handlers';
import { migrateDatabase, type MigrateResult } from './db/migrate';
import { openDatabase, type Db } from './db/open';
import { createExportRunner, type ExportRunnerOptions } from './export/export-runner';
import { createExportService, type ExportService } from './services/export-service';
import { createGuards } from './services/guards';
import { createImprovementService } from './services/improvement-service';
import { createMetricService } from './services/metric-service';
import { createSessionService } from './services/session-service';
import { createWorkshopService } from './services/workshop-service';
import { createEventHub, type EventHub } from './events/event-hub';
import { createEventRules } from './events/event-rules';
import { createEventLookup } from './events/event-lookup';
import { APP_VERSION } from './app-version';

export const DATABASE_FILE_NAME = 'leanmap.db';

export interface BackendOptions {
  dataDir: string;
  clock?: () => Date;
  /** better_sqlite3.node for the current runtime, when it is not the Node build. */
  nativeBinding?: string;
  log?: (message: string, error: unknown) => void;
  /**
   * The export worker's script and time limit (tests give a crashing one or a short limit),
   * and when its workers warm up (the app: EXPORT_WARM_UP_AFTER_MS; unset, at the first export).
   */
  exportWorker?: Omit<ExportRunnerOptions, 'log'>;
}

export interface Backend {
  dispatch: Dispatch;
  db: Db;
  databaseFile: string;
  migration: MigrateResult;
  /** For the command line: the same export files the app makes. */
  exports: ExportService;
  /** Pushed events: transports subscribe per workshop; services may publish (session.changed). */
  events: EventHub;
  /** Starts the export workers and has them load their libraries and fonts now; resolves when they are ready. */
  warmUpExports(): Promise<void>;
  /** Closes the database and stops the export workers. */
  close(): void;
}

export async function createBackend({ dataDir, clock = () => new Date(), nativeBinding, log, exportWorker }: BackendOptions): Promise<Backend> {
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = join(dataDir, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile, nativeBinding ? { nativeBinding } : {});
  let migration: MigrateResult;
  try {
    migration = await migrateDatabase(db, { backupDir: join(dataDir, 'backups'), now: clock() });
  } catch (error) {
    db.close();
    throw error;
  }
  const events = createEventHub(log);
  const workshops = createWorkshopService({ db, clock, appVersion: APP_VERSION });
  const metrics = createMetricService({ db, clock });
  // session.changed is published by the dispatcher's event rules after each successful write.
  const sessions = createSessionService({ db, clock });
  // A focus-limit override is written to the session's decision log.
  const improvements = createImprovementService({ db, clock, decisions: sessions });
  const runner = createExportRunner({ ...exportWorker, ...(log ? { log } : {}) });
  const exports = createExportService({ db, clock, appVersion: APP_VERSION, runner });
  const handlers = createHandlers({
    workshops,
    metrics,
    improvements,
    exports,
    sessions,
    guards: createGuards(db),
    appInfo: { name: 'Leanmap', version: APP_VERSION, dataDir, databaseFile },
  });
  return {
    dispatch: createDispatcher(handlers, log, { hub: events, rules: createEventRules(createEventLookup(db)) }),
    events,
    db,
    databaseFile,
    migration,
    exports,
    warmUpExports: () => runner.warmUp(),
    close: () => {
      void runner.close();
      if (db.open) db.close();
    },
  };
}
