import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { isStale, LeaseHolder, LeaseLostError, SharedLease, SharedLeaseOptions } from './shared-lease';

interface LeaseRow {
  owner: string;
  host: string;
  pid: number;
  renewed_at: number;
  checkpoint: number;
}

/**
 * The lease as a row of the event store file's `leases` table, so every
 * process on the file sees the same one. Each change is one immediate
 * transaction: SQLite's write lock makes the read-then-write atomic.
 */
export class SqliteSharedLease implements SharedLease {
  readonly owner = randomUUID();
  private readonly host = hostname();
  private readonly now: () => number;
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly options: SharedLeaseOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.statements = {
      select: db.prepare<[string], LeaseRow>(
        'SELECT owner, host, pid, renewed_at, checkpoint FROM leases WHERE name = ?',
      ),
      take: db.prepare(
        `INSERT INTO leases (name, owner, host, pid, renewed_at, checkpoint) VALUES (@name, @owner, @host, @pid, @now, 0)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid,
           renewed_at = excluded.renewed_at`,
      ),
      renew: db.prepare<[number, string, string]>(
        'UPDATE leases SET renewed_at = ? WHERE name = ? AND owner = ?',
      ),
      commit: db.prepare<[number, number, string, string]>(
        'UPDATE leases SET checkpoint = max(checkpoint, ?), renewed_at = ? WHERE name = ? AND owner = ?',
      ),
      release: db.prepare<[string, string]>(
        `UPDATE leases SET owner = '', pid = 0, renewed_at = 0 WHERE name = ? AND owner = ?`,
      ),
    };
  }

  async tryAcquire(): Promise<boolean> {
    return this.db
      .transaction(() => {
        const row = this.statements.select.get(this.options.name);
        if (row && row.owner !== this.owner && row.owner !== '' && !this.stale(row)) return false;
        this.statements.take.run({
          name: this.options.name,
          owner: this.owner,
          host: this.host,
          pid: process.pid,
          now: this.now(),
        });
        return true;
      })
      .immediate();
  }

  async renew(): Promise<boolean> {
    return this.statements.renew.run(this.now(), this.options.name, this.owner).changes === 1;
  }

  async release(): Promise<void> {
    if (this.db.open) this.statements.release.run(this.options.name, this.owner);
  }

  async holder(): Promise<LeaseHolder | undefined> {
    const row = this.statements.select.get(this.options.name);
    return row && row.owner !== '' && !this.stale(row)
      ? { owner: row.owner, host: row.host, pid: row.pid }
      : undefined;
  }

  async checkpoint(): Promise<number> {
    return this.statements.select.get(this.options.name)?.checkpoint ?? 0;
  }

  async commit(position: number): Promise<void> {
    if (this.statements.commit.run(position, this.now(), this.options.name, this.owner).changes !== 1) {
      throw new LeaseLostError(`Another process took over the lease ${this.options.name}`);
    }
  }

  private stale(row: LeaseRow): boolean {
    return isStale({ ...row, renewedAt: row.renewed_at }, this.options.ttlMs, this.now(), {
      host: this.host,
      pid: process.pid,
    });
  }
}
