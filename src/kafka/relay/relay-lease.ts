import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS relay_leases (
  name          TEXT PRIMARY KEY,
  owner         TEXT NOT NULL,
  host          TEXT NOT NULL,
  pid           INTEGER NOT NULL,
  renewed_at    INTEGER NOT NULL
);
`;

interface LeaseRow {
  owner: string;
  host: string;
  pid: number;
  renewed_at: number;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lease row in the state database, so two relays sharing one state file
 * (a second process started by mistake, or an old one not yet gone) never
 * publish side by side. It expires when not renewed for `ttlMs`, and at once
 * when its holder on this host has died, so a restart after a crash resumes
 * without waiting.
 */
export class RelayLease {
  readonly owner = randomUUID();
  private readonly host = hostname();
  private readonly select;
  private readonly upsert;
  private readonly renewStatement;
  private readonly remove;

  constructor(
    private readonly db: Database.Database,
    private readonly name: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(SCHEMA);
    this.select = db.prepare<[string], LeaseRow>(
      'SELECT owner, host, pid, renewed_at FROM relay_leases WHERE name = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO relay_leases (name, owner, host, pid, renewed_at) VALUES (@name, @owner, @host, @pid, @now)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid,
         renewed_at = excluded.renewed_at`,
    );
    this.renewStatement = db.prepare('UPDATE relay_leases SET renewed_at = ? WHERE name = ? AND owner = ?');
    this.remove = db.prepare('DELETE FROM relay_leases WHERE name = ? AND owner = ?');
  }

  /** Takes the lease if it is free, expired, abandoned or already ours; true when we hold it. */
  tryAcquire(): boolean {
    return this.db
      .transaction(() => {
        const row = this.select.get(this.name);
        if (row && row.owner !== this.owner && !this.isStale(row)) return false;
        this.upsert.run({
          name: this.name,
          owner: this.owner,
          host: this.host,
          pid: process.pid,
          now: this.now(),
        });
        return true;
      })
      .immediate();
  }

  /** Extends the lease; false when another relay has taken it over. */
  renew(): boolean {
    return this.renewStatement.run(this.now(), this.name, this.owner).changes === 1;
  }

  release(): void {
    if (this.db.open) this.remove.run(this.name, this.owner);
  }

  /** Who holds it, for status reports. */
  holder(): { host: string; pid: number } | undefined {
    const row = this.select.get(this.name);
    return row && !this.isStale(row) ? { host: row.host, pid: row.pid } : undefined;
  }

  private isStale(row: LeaseRow): boolean {
    if (this.now() - row.renewed_at > this.ttlMs) return true;
    return row.host === this.host && row.pid !== process.pid && !processIsAlive(row.pid);
  }
}
