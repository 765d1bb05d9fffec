/**
 * A data cut taken and verified in a process of its own (so its peak RSS is
 * its own): `data-cut-child.js <store> <asOf>`. Taking a cut is the
 * ReadModelChecksums query TakeDataCut asks (every read model folded under
 * the bounds, fingerprinted) and verifying it is what
 * GET /v1/evaluation/data-cuts/:id/verify runs. The DataCutTaken event itself
 * (one append) is not written, so the reused bench store stays as it was
 * built. Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { readModelChecksums } from '../../src/history/data-cut-checksums';
import { verifyDataCut } from '../../src/history/data-cut-verification';
import { EVALUATION_SCOPES } from '../../src/domain/evaluation/values';
import { READ_MODELS } from '../../src/projections/catalogue';
import { endOfDayIfDate } from '../../src/shared/bounds';

async function main(): Promise<void> {
  const [path, asOfDate] = process.argv.slice(2);
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL' });
  try {
    const asOf = endOfDayIfDate(asOfDate);
    const asKnownAt = new Date().toISOString();
    const atPosition = await store.headPosition();
    const takeStarted = performance.now();
    const taken = await readModelChecksums(store, READ_MODELS, { asOf, asKnownAt, atPosition });
    const takeSeconds = (performance.now() - takeStarted) / 1000;
    const dataCutId = randomUUID();
    const verifyStarted = performance.now();
    const verification = await verifyDataCut(store, dataCutId, {
      ...taken,
      dataCutId,
      evaluationId: randomUUID(),
      evaluator: 'bench',
      scope: EVALUATION_SCOPES[0],
      asOf,
      asKnownAt,
      takenAt: asKnownAt,
      recordedAt: asKnownAt,
    });
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        takeSeconds,
        verifySeconds,
        match: verification.match,
        readModels: verification.readModels.length,
        rssMb: process.resourceUsage().maxRSS / 1024,
      })}\n`,
    );
  } finally {
    await store.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
