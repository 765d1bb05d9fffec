/**
 * Child process for the crash test: appends batches to the embedded store in a
 * loop and prints `ack <position> <id,id,...>` only after each append resolved.
 * The parent kills it with SIGKILL at random moments.
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';

const path = process.argv[2];
const store = SqliteEventStore.open({ path });

async function run(): Promise<void> {
  for (let n = 0; ; n++) {
    const size = 1 + (n % 3);
    const events = Array.from({ length: size }, () => ({
      id: randomUUID(),
      type: 'CrashTestEventAppended',
      data: { n, padding: 'x'.repeat(200) },
      metadata: {
        occurredAt: new Date().toISOString(),
        actor: 'crash-test',
        sourceSystem: 'test',
        correlationId: randomUUID(),
        causationId: null,
        schemaVersion: 1,
      },
    }));
    const result = await store.appendToStream(`crash-${n % 7}`, events);
    process.stdout.write(`ack ${result.position} ${events.map((e) => e.id).join(',')}\n`);
  }
}

void run();
