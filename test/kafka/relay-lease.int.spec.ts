import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { RelayLease } from '../../src/kafka/relay/relay-lease';
import { openStateDatabase } from '../../src/state/state-database';

describe('RelayLease [sqlite: embedded state file]', () => {
  let folder: string;
  let db: Database.Database;
  let now: number;
  const lease = (): RelayLease => new RelayLease(db, 'kafka-relay', 30_000, () => now);
  const heldBy = (pid: number, host = hostname()): void => {
    db.prepare(
      `INSERT OR REPLACE INTO relay_leases (name, owner, host, pid, renewed_at) VALUES ('kafka-relay', 'other', ?, ?, ?)`,
    ).run(host, pid, now);
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-lease-'));
    db = openStateDatabase(join(folder, 'state.sqlite'));
    now = 1_000_000;
    lease(); // creates its table
  });

  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('is held by one relay at a time, renewed by its holder, and free once released', () => {
    const first = lease();
    const second = lease();
    expect(first.tryAcquire()).toBe(true);
    expect(second.tryAcquire()).toBe(false);
    expect(second.renew()).toBe(false);
    now += 20_000;
    expect(first.renew()).toBe(true);
    now += 20_000;
    expect(second.tryAcquire()).toBe(false);
    first.release();
    expect(second.tryAcquire()).toBe(true);
    expect(first.renew()).toBe(false);
  });

  it('expires when its holder stops renewing it', () => {
    heldBy(process.ppid, 'another-host');
    expect(lease().tryAcquire()).toBe(false);
    now += 30_001;
    expect(lease().tryAcquire()).toBe(true);
  });

  it('is taken over at once when its holder on this host has died, not while it lives', () => {
    heldBy(process.ppid);
    expect(lease().tryAcquire()).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    heldBy(dead);
    const taker = lease();
    expect(taker.tryAcquire()).toBe(true);
    expect(taker.holder()).toEqual({ host: hostname(), pid: process.pid });
  });
});
