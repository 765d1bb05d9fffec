import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EventStoreStartupError } from '../errors';

export interface SqliteDatabaseOptions {
  /** Name of the setting the path came from, so a start-up error can name it. */
  setting: string;
  applicationId: number;
  schemaVersion: number;
  schema: string;
  /** `FULL` survives power loss as well as a killed process; `NORMAL` survives a killed process. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Brings a file from `fromVersion` (0: new) to `schemaVersion`, after
   * `schema` has run, in the same transaction. The version is read again once
   * the write lock is held, so processes opening one file at once upgrade it once.
   */
  upgrade?: (db: Database.Database, fromVersion: number) => void;
  /**
   * This connection alone may use the file: it holds SQLite's exclusive lock
   * until it closes (the system drops it when the process dies, however it
   * dies), and another process opening the file is refused with one line.
   */
  exclusive?: boolean;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/**
 * Opens (or creates) one of the service's SQLite files. Any doubt about the
 * file (unreadable, not SQLite, another application's, a newer schema) stops
 * start-up with a message naming the setting; an existing file is never
 * rewritten or replaced.
 */
export function openSqliteDatabase(path: string, options: SqliteDatabaseOptions): Database.Database {
  const fail = (why: string): never => {
    throw new EventStoreStartupError(`${options.setting}=${path}: ${why}`);
  };
  const inMemory = path === ':memory:';
  if (!inMemory) {
    const folder = dirname(resolve(path));
    try {
      mkdirSync(folder, { recursive: true });
      accessSync(folder, constants.W_OK);
    } catch (error) {
      fail(`the folder ${folder} cannot be created or written (${describe(error)})`);
    }
    if (existsSync(path)) {
      try {
        accessSync(path, constants.R_OK | constants.W_OK);
      } catch (error) {
        fail(`the file exists but cannot be read and written (${describe(error)})`);
      }
    }
  }

  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    return fail(`cannot open the database (${describe(error)})`);
  }
  try {
    // Before the first read, so the lock taken then is kept; the write below makes it exclusive.
    if (options.exclusive && !inMemory) db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('busy_timeout = 5000');
    const applicationId = db.pragma('application_id', {
      simple: true,
    }) as number;
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const objects = (
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as {
        n: number;
      }
    ).n;
    if (objects > 0 && applicationId !== options.applicationId) {
      fail('the file is a SQLite database of another application; refusing to write to it');
    }
    if (userVersion > options.schemaVersion) {
      fail(
        `the file has schema version ${userVersion}, newer than this build supports (${options.schemaVersion})`,
      );
    }
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.transaction(() => {
      const fromVersion = db.pragma('user_version', { simple: true }) as number;
      db.exec(options.schema);
      if (fromVersion < options.schemaVersion) options.upgrade?.(db, fromVersion);
      db.pragma(`application_id = ${options.applicationId}`);
      db.pragma(`user_version = ${options.schemaVersion}`);
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    if (error instanceof EventStoreStartupError) throw error;
    if (options.exclusive && (error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      return fail(
        'another process has this file open (it holds it for itself); each instance needs a file of its own, and an offline command needs the service stopped',
      );
    }
    return fail(`the file is not a usable SQLite database (${describe(error)}); it was left untouched`);
  }
}
