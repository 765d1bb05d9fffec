import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { relayLeaseName } from '../../src/kafka/kafka.module';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import { checkDelivery } from '../support/delivery-check';
import { AGGREGATE_STREAMS, Appended, appendRoundRobin } from '../support/integration-event-fixtures';
import {
  consumeWithKafkajs,
  consumeWithKcat,
  describeWithKafka,
  distinctEvents,
  expectBrokerUp,
  uniquePrefix,
} from '../support/kafka-broker';
import { SteadyAppender } from '../support/steady-appender';

const root = join(__dirname, '../..');
const KILLS = 3;
const BACKLOG = 20_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeWithKafka(
  'Kafka relay killed mid-batch [real Kafka 4.4 broker, relay process SIGKILLed]',
  (brokers) => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-relay-crash-'));
    const statePath = join(folder, 'state.sqlite');
    const prefix = uniquePrefix('crash');
    let store: SqliteEventStore;
    let relay: ChildProcess | undefined;
    let output = '';

    beforeAll(async () => {
      await (await expectBrokerUp(brokers)).disconnect();
      store = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), synchronous: 'NORMAL' });
    });

    afterAll(async () => {
      relay?.kill('SIGKILL');
      await store?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    /** The real entry point, running only the relay, on the same files as this test. */
    function startRelay(): ChildProcess {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          LOG_LEVEL: 'warn',
          APP_ROLES: 'relay',
          SQLITE_PATH: join(folder, 'events.sqlite'),
          STATE_SQLITE_PATH: statePath,
          SQLITE_SYNCHRONOUS: 'NORMAL',
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_TOPIC_PARTITIONS: '3',
          KAFKA_RELAY_BATCH_SIZE: '500',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      return child;
    }

    /** Read straight from the event store file, where every relay on it keeps its shared checkpoint. */
    function checkpoint(): number {
      const row = store.db
        .prepare('SELECT checkpoint FROM leases WHERE name = ?')
        .get(relayLeaseName(prefix)) as { checkpoint: number } | undefined;
      return row?.checkpoint ?? 0;
    }

    async function untilCheckpoint(
      ok: (position: number) => boolean,
      what: string,
      timeoutMs = 60_000,
    ): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const position = checkpoint();
        if (ok(position)) return position;
        if (relay?.exitCode !== null) throw new Error(`The relay exited (${relay?.exitCode}): ${output}`);
        if (Date.now() > deadline)
          throw new Error(`Timed out waiting until ${what} (checkpoint ${position}): ${output}`);
        await sleep(5);
      }
    }

    const exited = (child: ChildProcess): Promise<NodeJS.Signals | null> =>
      new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));

    it(`loses nothing and keeps stream order across ${KILLS} SIGKILLs while publishing a backlog`, async () => {
      const appended: Appended[] = [];
      const kills: string[] = [];
      const live = new SteadyAppender(store, AGGREGATE_STREAMS, 20);
      for (let kill = 0; kill < KILLS; kill++) {
        appended.push(
          ...(await appendRoundRobin(store, AGGREGATE_STREAMS, BACKLOG, appended.length + 1_000_000)),
        );
        const before = checkpoint();
        relay = startRelay();
        await untilCheckpoint((p) => p > before, 'the relay has published some of the backlog');
        await sleep(Math.random() * 100);
        const killed = exited(relay);
        relay.kill('SIGKILL');
        expect(await killed).toBe('SIGKILL');
        const after = checkpoint();
        kills.push(`${before}→${after} of ${await store.headPosition()}`);
        expect(after).toBeGreaterThan(before);
        expect(after).toBeLessThan(await store.headPosition());
      }

      relay = startRelay();
      appended.push(...(await live.stop()));
      expect(live.failures).toEqual([]);
      const head = await store.headPosition();
      await untilCheckpoint((p) => p === head, 'the restarted relay has published everything');
      const stopped = exited(relay);
      relay.kill('SIGTERM');
      await stopped;

      const topics = relayTopics(prefix);
      const byKafkajs = await consumeWithKafkajs(brokers, topics, distinctEvents(appended.length), 120_000);
      const report = checkDelivery(appended, byKafkajs, prefix);
      expect(report.problems).toEqual([]);
      const byKcat = (await Promise.all(topics.map((topic) => consumeWithKcat(brokers, topic)))).flat();
      const kcatReport = checkDelivery(appended, byKcat, prefix);
      expect(kcatReport.problems).toEqual([]);
      console.log(
        `relay crash: ${appended.length} events; killed at checkpoints ${kills.join(', ')}; ` +
          `kcat read ${byKcat.length} messages, ${kcatReport.duplicates} of them redeliveries`,
      );
    }, 240_000);
  },
);
