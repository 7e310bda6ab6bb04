// Opens leanmap.db with the pragmas that make every committed edit durable, and
// turns "not a database" into a message a facilitator can act on.
import Database from 'better-sqlite3';
import { DatabaseError } from './database-error';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (cause) {
    throw new DatabaseError('CANNOT_OPEN', `Leanmap cannot open its database at ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
  try {
    // Pragmas are per connection, not stored in the file. synchronous=FULL: in WAL
    // mode NORMAL may lose the last commits on power loss; saves are debounced,
    // so one fsync per save is cheap.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (cause) {
    db.close();
    throw new DatabaseError(
      'CORRUPT',
      `The Leanmap database at ${file} is damaged or is not a Leanmap database (${(cause as Error).message}). ` +
        'Nothing was changed. Move that file somewhere else (or restore a copy from the "backups" folder beside it) and start Leanmap again.',
      { cause },
    );
  }
  return db;
}
