import type Database from 'better-sqlite3';
import { newDataKey } from './personal-data-cipher';
import type { KeyDestruction, PersonalDataKeyStore } from './key-store';

/** In the event file itself: the keys are backed up, copied and restored with the events they open. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS personal_data_keys (
  subject_id  TEXT PRIMARY KEY,
  data_key    BLOB NOT NULL,
  issued_at   TEXT NOT NULL
) WITHOUT ROWID;`;

/**
 * Keys in the SQLite event file. `secure_delete` makes SQLite overwrite a
 * deleted row's bytes with zeros, and a TRUNCATE checkpoint copies the zeroed
 * page into the file and empties the WAL, where older copies of the page were.
 */
export class SqliteKeyStore implements PersonalDataKeyStore {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    db.pragma('secure_delete = ON');
    db.exec(SCHEMA);
    this.statements = {
      find: db.prepare<[string], { data_key: Buffer }>(
        'SELECT data_key FROM personal_data_keys WHERE subject_id = ?',
      ),
      issue: db.prepare<[string, Buffer, string]>(
        'INSERT INTO personal_data_keys (subject_id, data_key, issued_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      destroy: db.prepare<[string]>('DELETE FROM personal_data_keys WHERE subject_id = ?'),
    };
  }

  async keyFor(subject: string): Promise<Buffer> {
    this.statements.issue.run(subject, newDataKey(), this.now().toISOString());
    return this.statements.find.get(subject)!.data_key;
  }

  async find(subject: string): Promise<Buffer | undefined> {
    return this.statements.find.get(subject)?.data_key;
  }

  async destroy(subject: string): Promise<KeyDestruction> {
    if (this.statements.destroy.run(subject).changes === 0)
      return { destroyed: false, notes: [], warnings: [] };
    if (this.db.memory) return { destroyed: true, notes: [], warnings: [] };
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number }>;
    return {
      destroyed: true,
      notes: [],
      warnings:
        result.busy === 0
          ? []
          : [
              'The WAL could not be truncated (another connection was reading): the key page stays in the WAL file ' +
                'until the next checkpoint overwrites it; run `PRAGMA wal_checkpoint(TRUNCATE)` when the store is idle',
            ],
    };
  }
}
