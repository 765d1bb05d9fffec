import { randomUUID } from 'node:crypto';
import {
  EventStore,
  IdempotencyClaim,
  idempotencyFingerprint,
  IdempotencyKeyReusedError,
} from '../../src/event-store';
import { newEvent } from '../support/new-event';

const claim = (key: string, streamId: string, requestHash = 'hash-a'): IdempotencyClaim => ({
  key,
  fingerprint: idempotencyFingerprint(streamId, requestHash),
  command: 'DoThing',
});

/**
 * Part of the conformance suite: the store itself records each idempotency
 * key's first use with the append that claims it, so a key reused for another
 * request is refused by any process that asks the store, whatever it remembers.
 */
export function describeIdempotencyClaims(store: () => EventStore, stream: () => string): void {
  describe('idempotency keys claimed with an append', () => {
    it('records the first use, and a retry with the same fingerprint appends as usual', async () => {
      const key = `key-${randomUUID()}`;
      const s = stream();
      expect(await store().idempotencyKeyUse(key)).toBeUndefined();
      await store().appendToStream(s, [newEvent('ThingDone')], { idempotency: claim(key, s) });
      expect(await store().idempotencyKeyUse(key)).toEqual({
        fingerprint: idempotencyFingerprint(s, 'hash-a'),
        command: 'DoThing',
      });
      await store().appendToStream(s, [newEvent('ThingDone')], { idempotency: claim(key, s) });
      expect(await store().readStream(s)).toHaveLength(2);
    });

    it('answers many keys at once as it answers each: used ones with their first use, others absent', async () => {
      const keys = Array.from({ length: 60 }, (_, i) => `key-${i}-${randomUUID()}`);
      const s = stream();
      for (const [i, key] of keys.entries()) {
        if (i % 3 !== 0) continue;
        await store().appendToStream(s, [newEvent('ThingDone')], {
          idempotency: { ...claim(key, s, `hash-${i}`), command: `Command${i}` },
        });
      }
      expect(await store().idempotencyKeyUses([])).toEqual(new Map());
      const asked = [...keys, keys[0], keys[1], `never-${randomUUID()}`];
      const uses = await store().idempotencyKeyUses(asked);
      const oneByOne = new Map();
      for (const key of asked) {
        const use = await store().idempotencyKeyUse(key);
        if (use) oneByOne.set(key, use);
      }
      expect(uses).toEqual(oneByOne);
      expect([...uses.keys()].sort()).toEqual(keys.filter((_, i) => i % 3 === 0).sort());
      expect(uses.get(keys[3])).toEqual({
        fingerprint: idempotencyFingerprint(s, 'hash-3'),
        command: 'Command3',
      });
    });

    it('refuses the key for another stream or another request, and writes nothing', async () => {
      const key = `key-${randomUUID()}`;
      const [first, other] = [stream(), stream()];
      await store().appendToStream(first, [newEvent('ThingDone')], { idempotency: claim(key, first) });
      const elsewhere = store().appendToStream(other, [newEvent('ThingDone')], {
        idempotency: claim(key, other),
      });
      await expect(elsewhere).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(elsewhere).rejects.toMatchObject({ key, firstCommand: 'DoThing' });
      const otherBody = store().appendToStream(first, [newEvent('ThingDone')], {
        idempotency: claim(key, first, 'hash-b'),
      });
      await expect(otherBody).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      expect(await store().readStream(other)).toEqual([]);
      expect(await store().readStream(first)).toHaveLength(1);
    });

    it('lets exactly one of many concurrent first uses of a key win', async () => {
      const key = `key-${randomUUID()}`;
      const targets = Array.from({ length: 8 }, () => stream());
      const outcomes = await Promise.allSettled(
        targets.map((s) =>
          store().appendToStream(s, [newEvent('ThingDone')], { idempotency: claim(key, s) }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected'))
        expect((o as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyReusedError);
      const written = await Promise.all(targets.map((s) => store().readStream(s)));
      expect(written.flat()).toHaveLength(1);
    });

    it('keeps its record of keys out of $all', async () => {
      const key = `key-${randomUUID()}`;
      const s = stream();
      const before = await store().headPosition();
      const { position } = await store().appendToStream(s, [newEvent('ThingDone')], {
        idempotency: claim(key, s),
      });
      // Positions are opaque (EventStoreDB's are byte offsets): read from the head seen before, inclusive.
      const read = await store().readAll({ fromPosition: before });
      expect(read.filter((e) => e.position > before).every((e) => !e.type.startsWith('$'))).toBe(true);
      expect(read.map((e) => e.streamId)).toContain(s);
      expect(await store().headPosition()).toBe(position);
    });
  });
}
