import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LeaseLostError, SharedLease, SharedLeaseOptions } from '../../src/coordination/shared-lease';

export interface SharedLeaseTarget {
  /** Said in every test name: which store the lease lived in. */
  name: string;
  open(): Promise<(options: SharedLeaseOptions) => SharedLease>;
  /** Writes a holder straight into the store, as another process would have. */
  heldBy(name: string, holder: { host: string; pid: number; renewedAt: number }): Promise<void>;
  dispose(): Promise<void>;
}

/** The one suite every adapter of the SharedLease port passes. */
export function describeSharedLease(target: SharedLeaseTarget): void {
  describe(`SharedLease conformance [${target.name}]`, () => {
    let open: (options: SharedLeaseOptions) => SharedLease;
    let name: string;
    let now: number;
    const lease = (): SharedLease => open({ name, ttlMs: 30_000, now: () => now });

    beforeAll(async () => {
      open = await target.open();
    });
    afterAll(() => target.dispose());
    beforeEach(() => {
      name = `lease-test-${randomUUID().slice(0, 8)}`;
      now = 1_000_000;
    });

    it('is held by one process at a time, renewed by its holder, and free once released', async () => {
      const first = lease();
      const second = lease();
      expect(await first.tryAcquire()).toBe(true);
      expect(await second.tryAcquire()).toBe(false);
      expect(await second.renew()).toBe(false);
      now += 20_000;
      expect(await first.renew()).toBe(true);
      now += 20_000;
      expect(await second.tryAcquire()).toBe(false);
      await first.release();
      expect(await second.tryAcquire()).toBe(true);
      expect(await first.renew()).toBe(false);
    });

    it('lets exactly one of many processes acting at once take it', async () => {
      const contenders = Array.from({ length: 6 }, () => lease());
      const taken = await Promise.all(contenders.map((l) => l.tryAcquire()));
      expect(taken.filter(Boolean)).toHaveLength(1);
    });

    it('expires when its holder stops renewing it', async () => {
      await target.heldBy(name, { host: 'another-host', pid: process.ppid, renewedAt: now });
      expect(await lease().tryAcquire()).toBe(false);
      now += 30_001;
      expect(await lease().tryAcquire()).toBe(true);
    });

    it('is taken over at once when its holder on this host has died, not while it lives', async () => {
      await target.heldBy(name, { host: hostname(), pid: process.ppid, renewedAt: now });
      expect(await lease().tryAcquire()).toBe(false);
      const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
      await target.heldBy(name, { host: hostname(), pid: dead, renewedAt: now });
      const taker = lease();
      expect(await taker.tryAcquire()).toBe(true);
      expect(await taker.holder()).toEqual({ owner: taker.owner, host: hostname(), pid: process.pid });
    });

    it('keeps the committed position for the next holder, never moving it back', async () => {
      const first = lease();
      expect(await first.checkpoint()).toBe(0);
      await first.tryAcquire();
      await first.commit(40);
      await first.commit(30);
      expect(await first.checkpoint()).toBe(40);
      await first.release();
      const next = lease();
      await next.tryAcquire();
      expect(await next.checkpoint()).toBe(40);
    });

    it('refuses a commit from a holder that lost the lease', async () => {
      const first = lease();
      await first.tryAcquire();
      await first.commit(5);
      now += 30_001;
      const next = lease();
      expect(await next.tryAcquire()).toBe(true);
      await expect(first.commit(9)).rejects.toBeInstanceOf(LeaseLostError);
      expect(await next.checkpoint()).toBe(5);
    });
  });
}
