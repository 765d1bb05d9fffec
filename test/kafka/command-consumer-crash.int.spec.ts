import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consumer, Producer } from 'kafkajs';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import type { KafkaCommandResult } from '../../src/kafka/commands/command-result';
import { commandResultsTopic, commandsTopic } from '../../src/kafka/commands/command-topics';
import { describeWithKafka, expectBrokerUp, testKafka, uniquePrefix } from '../support/kafka-broker';
import { commandProducer, registerOrganisation, sendCommands } from './support/command-messages';

const root = join(__dirname, '../..');
const KILLS = 3;
const COMMANDS = 3_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describeWithKafka(
  'Kafka command consumer killed mid-stream [real Kafka 4.4 broker, consumer process SIGKILLed]',
  (brokers) => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-commands-crash-'));
    const prefix = uniquePrefix('cmdcrash');
    const results: KafkaCommandResult[] = [];
    const answered = new Set<string>();
    let child: ChildProcess | undefined;
    let output = '';
    let producer: Producer;
    let reader: Consumer;

    beforeAll(async () => {
      const admin = await expectBrokerUp(brokers);
      await admin.createTopics({
        topics: [commandsTopic(prefix), commandResultsTopic(prefix)].map((topic) => ({
          topic,
          numPartitions: 3,
          replicationFactor: 1,
        })),
        waitForLeaders: true,
      });
      await admin.disconnect();
      producer = await commandProducer(brokers);
      reader = testKafka(brokers).consumer({ groupId: uniquePrefix('results') });
      await reader.connect();
      await reader.subscribe({ topics: [commandResultsTopic(prefix)], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          const result = JSON.parse(message.value?.toString() ?? 'null') as KafkaCommandResult;
          results.push(result);
          answered.add(result.commandId);
        },
      });
    });

    afterAll(async () => {
      child?.kill('SIGKILL');
      await reader?.disconnect();
      await producer?.disconnect();
      rmSync(folder, { recursive: true, force: true });
    });

    /** The real entry point with only the command consumer's role, on this test's files. */
    function startConsumer(): ChildProcess {
      const process_ = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          LOG_LEVEL: 'warn',
          APP_ROLES: 'commands',
          SEED_REGISTER_ON_EMPTY_STORE: 'false',
          DEV_API_KEY_ON_EMPTY_STORE: 'false',
          SQLITE_PATH: join(folder, 'events.sqlite'),
          STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
          SQLITE_SYNCHRONOUS: 'NORMAL',
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
          KAFKA_COMMANDS_SESSION_TIMEOUT_MS: '6000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      process_.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      process_.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      return process_;
    }

    async function until(ok: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!ok()) {
        if (child?.exitCode !== null && child?.exitCode !== undefined)
          throw new Error(`The consumer exited (${child.exitCode}): ${output}`);
        if (Date.now() > deadline)
          throw new Error(`Timed out waiting until ${what} (${answered.size} answered): ${output}`);
        await sleep(10);
      }
    }

    const exited = (process_: ChildProcess): Promise<NodeJS.Signals | null> =>
      new Promise((resolve) => process_.once('exit', (_code, signal) => resolve(signal)));

    it(`runs every command exactly once across ${KILLS} SIGKILLs mid-stream`, async () => {
      const commands = Array.from({ length: COMMANDS }, (_, i) =>
        registerOrganisation(`crash-${i}`, `KX${String(i).padStart(5, '0')}`),
      );
      await sendCommands(
        producer,
        commandsTopic(prefix),
        commands.map((value) => ({ value })),
      );
      const kills: number[] = [];
      for (let kill = 0; kill < KILLS; kill++) {
        const before = answered.size;
        child = startConsumer();
        await until(() => answered.size > before + 50, 'the consumer has answered more commands');
        await sleep(Math.random() * 100);
        const killed = exited(child);
        child.kill('SIGKILL');
        expect(await killed).toBe('SIGKILL');
        kills.push(answered.size);
      }
      expect(answered.size).toBeLessThan(COMMANDS);
      child = startConsumer();
      await until(() => answered.size === COMMANDS, 'every command is answered', 180_000);
      const stopped = exited(child);
      child.kill('SIGTERM');
      await stopped;

      expect(results.every((r) => r.status === 'accepted' || r.status === 'replayed')).toBe(true);
      const store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
      try {
        const events = await store.readAll();
        expect(events).toHaveLength(COMMANDS);
        expect(new Set(events.map((e) => e.streamId)).size).toBe(COMMANDS);
        expect(new Set(events.map((e) => e.metadata.causationId))).toEqual(new Set(answered));
        expect(events.every((e) => e.revision === 0)).toBe(true);
      } finally {
        await store.close();
      }
      const replayed = results.filter((r) => r.status === 'replayed').length;
      console.log(
        `command consumer crash: ${COMMANDS} commands, killed after ${kills.join(', ')} answers; ` +
          `${results.length} results read, ${replayed} of them replays of commands done before a kill`,
      );
    }, 300_000);
  },
);
