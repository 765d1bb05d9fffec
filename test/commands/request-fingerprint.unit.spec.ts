import { instanceToPlain } from 'class-transformer';
import { readFileSync } from 'node:fs';
import { v5 as uuidv5 } from 'uuid';
import fc from 'fast-check';
import { AGGREGATES } from '../../src/commands/catalogue';
import { ExecuteCommand } from '../../src/commands/execute-command';
import { prepareCommand } from '../../src/commands/decide-command';
import { factDateOf } from '../../src/commands/fact-date';
import { isIsoDate } from '../../src/shared/validation/validators';
import { REGISTER_CSV } from '../../src/trust-register/register-csv';
import { parseTrustRegister } from '../../src/trust-register/trust-register';
import { canonicalJson, sha256Hex } from '../../src/shared/canonical-json';
import { uuidV5 } from '../../src/shared/uuid-v5';
import { buildPlan } from '../../scripts/simulator/plan/build-plan';

/**
 * What a command's retry is recognised by must never change: stored keys
 * carry fingerprints of request hashes, and events carry ids derived from
 * keys. The faster ways of computing them give what the library ways gave,
 * for every command the simulated programme sends.
 */
describe('request hashes, fact dates and derived ids', () => {
  const definitions = new Map(AGGREGATES.flatMap((a) => a.commands).map((c) => [c.name, c]));
  const commands = buildPlan({
    seed: '7',
    scale: 0.25,
    register: parseTrustRegister(readFileSync(REGISTER_CSV, 'utf8')),
  }).tasks.flatMap((task) => task.commands());

  it('hash every command as instanceToPlain of its DTO hashed it', async () => {
    const names = new Set<string>();
    for (const { name, body } of commands) {
      const definition = definitions.get(name);
      if (!definition) throw new Error(`No command ${name}`);
      const command = await definition.accept(body);
      const { dto } = command;
      const origin = { actor: 'a', sourceSystem: 's', correlationId: 'c', idempotencyKey: 'k' };
      const { commandId: _key, ...plain } = instanceToPlain(dto);
      const expected = sha256Hex(canonicalJson({ command: name, body: plain, ifMatch: null }));
      expect(prepareCommand(new ExecuteCommand(command, origin)).requestHash).toBe(expected);
      // The fact date, as it was read from instanceToPlain.
      const dated = Object.entries(instanceToPlain(dto)).find(
        ([field, value]) =>
          (field.endsWith('On') || ['effectiveDate', 'openDate', 'startDate', 'setDate'].includes(field)) &&
          isIsoDate(value),
      );
      expect(factDateOf(dto)).toBe(dated ? `${dated[1]}T00:00:00.000Z` : undefined);
      names.add(name);
    }
    expect(names.size).toBeGreaterThan(40);
  }, 60_000);

  it('derive the uuid package’s version 5 UUIDs', () => {
    const namespace = '3f6c1d0e-6a57-4d8e-9b1f-2c1e5f0a9d47';
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        expect(uuidV5(name, namespace)).toBe(uuidv5(name, namespace));
      }),
      { numRuns: 2_000 },
    );
    // Around and beyond the reused 1 KiB buffer: a name that does not fit is hashed from a buffer of its own.
    for (const length of [1006, 1007, 1008, 1009, 1010, 5_000]) {
      for (const name of ['a'.repeat(length), `${'a'.repeat(length - 2)}é`]) {
        expect(uuidV5(name, namespace)).toBe(uuidv5(name, namespace));
      }
    }
    expect(uuidV5('short again', namespace)).toBe(uuidv5('short again', namespace));
  });
});
