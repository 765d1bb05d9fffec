import { WindowCounterStorage } from '../../src/security/window-counter-storage';

describe('rate-limit counts in fixed windows', () => {
  let now: number;
  let storage: WindowCounterStorage;
  const hit = (key = 'principal:api-key:a') => storage.increment(key, 60_000, 3, 30_000, 'principal');
  beforeEach(() => {
    now = 1_000_000;
    storage = new WindowCounterStorage(() => now);
  });

  it('counts each principal on its own up to the limit, then blocks for the block duration', async () => {
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    now += 10_000;
    await hit();
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit('principal:api-key:b')).totalHits).toBe(1);
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 50, isBlocked: true, timeToBlockExpire: 30 });
    now += 29_500;
    // Blocked requests are not counted again, and say when the block ends.
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 21, isBlocked: true, timeToBlockExpire: 1 });
  });

  it('starts a fresh window once both the window and any block have ended', async () => {
    for (let i = 0; i < 4; i++) await hit();
    now += 60_000;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  const hitK = (ttl: number, limit: number, block: number) =>
    storage.increment('k', ttl, limit, block, 'principal');
  /** `times` hits, then one more after `wait` ms: what that last one is answered. */
  async function after(times: number, wait: number, ttl: number, limit: number, block: number) {
    for (let i = 0; i < times; i++) await hitK(ttl, limit, block);
    now += wait;
    return hitK(ttl, limit, block);
  }

  it('keeps a long block past the end of its window', async () => {
    expect(await after(4, 2_000, 1_000, 3, 5_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 3 });
    now += 3_000;
    expect(await hitK(1_000, 3, 5_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  // The storage it replaced kept every hit and overflowed the stack at about 100,000 in one window.
  it('counts 200,000 hits in one window, at any limit', async () => {
    expect(await after(200_000, 0, 60_000, 2_000_000, 60_000)).toMatchObject({
      totalHits: 200_001,
      isBlocked: false,
    });
  });

  it('starts counting afresh when a block shorter than the window runs out', async () => {
    expect(await after(4, 5_000, 60_000, 3, 5_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('refuses until the window ends when there is no block duration', async () => {
    expect(await after(3, 0, 10_000, 3, 0)).toMatchObject({ isBlocked: true, timeToBlockExpire: 10 });
    now += 10_000;
    expect(await hitK(10_000, 3, 0)).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
