/**
 * Kafka command consumer benchmark (issue "Kafka in and out", phase 2),
 * against the local broker: RecordMeasurement commands/s from a backlog on
 * the commands topic (consumed, run, answered on the results topic, offsets
 * committed), next to the same kind of commands sent over HTTP to the same
 * app in the same run (3 in flight, as the consumer's 3 partitions).
 * Without a broker it writes that, and no figures.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/load-config';
import { KafkaCommandConsumer } from '../src/kafka/commands/kafka-command-consumer';
import { commandsTopic } from '../src/kafka/commands/command-topics';
import { benchBrokers, brokerAnswers } from './support/kafka-broker';
import { setUpMeasures, UNIT_ID } from './support/measure-setup';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const COMMANDS = quick ? 2_000 : 20_000;
const PERIODS = 100;
const IN_FLIGHT = 3;
const brokers = benchBrokers();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Command n records week n % PERIODS of measure n / PERIODS: every command a new fact. */
const measurement = (measureIds: string[], weeks: string[], n: number) => ({
  measureId: measureIds[Math.floor(n / PERIODS)],
  period: weeks[n % PERIODS],
  unitId: UNIT_ID,
  numerator: 8 + (n % 3),
  denominator: 12,
});

/** Posts one command over HTTP; throws unless it was accepted. */
function poster(url: string, key: string) {
  let n = 0;
  return async (name: string, body: object): Promise<void> => {
    const response = await fetch(`${url}/v1/commands/${name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${++n}`,
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  };
}

async function kafkaRate(
  consumer: KafkaCommandConsumer,
  prefix: string,
  measureIds: string[],
  weeks: string[],
): Promise<number> {
  const producer = new Kafka({ brokers, clientId: 'bench-upstream', logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  for (let i = 0; i < COMMANDS; i += 1_000) {
    await producer.send({
      topic: commandsTopic(prefix),
      acks: -1,
      messages: Array.from({ length: Math.min(1_000, COMMANDS - i) }, (_, k) => {
        const n = i + k;
        const payload = measurement(measureIds, weeks, n);
        // Keyed by the aggregate, as docs/integrators/commands-over-kafka.md advises: one measure's commands stay in order on one partition.
        return {
          key: payload.measureId,
          value: JSON.stringify({ commandId: `kafka-${n}`, command: 'RecordMeasurement', payload }),
        };
      }),
    });
  }
  await producer.disconnect();
  const done = () => {
    const { accepted, replayed, rejected, dlq } = consumer.status().consumed;
    return accepted + replayed + rejected + dlq;
  };
  const before = done();
  consumer.start();
  const started = Date.now();
  while (done() - before < COMMANDS) await sleep(5);
  const rate = (COMMANDS / (Date.now() - started)) * 1_000;
  const { accepted } = consumer.status().consumed;
  if (accepted < COMMANDS) throw new Error(`Only ${accepted} of ${COMMANDS} Kafka commands accepted`);
  return rate;
}

async function httpRate(
  post: ReturnType<typeof poster>,
  measureIds: string[],
  weeks: string[],
): Promise<number> {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let n = next++; n < COMMANDS; n = next++) {
        await post('RecordMeasurement', measurement(measureIds, weeks, n));
      }
    }),
  );
  return (COMMANDS / (Date.now() - started)) * 1_000;
}

export async function runKafkaCommandsBench(): Promise<void> {
  const title = `## Kafka command consumer — \`npm run bench:kafka-commands\`${quick ? ' (quick)' : ''}`;
  if (!(await brokerAnswers(brokers))) {
    const why = `Not run: no Kafka broker answered at ${brokers.join(',')}. Start one with \`scripts/kafka-local.sh start\` (or set \`KAFKA_BROKERS\`) and run again; no figures were measured.`;
    console.log(why);
    writeSection('kafka-commands', `${title}\n\n${why}`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-commands-'));
  const prefix = `bench-commands-${Date.now().toString(36)}`;
  const key = `aek_${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`;
  const load = loadavg()[0];
  const app = await createApp(
    loadConfig({
      LOG_LEVEL: 'error',
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      SQLITE_SYNCHRONOUS: 'NORMAL',
      APP_ROLES: 'api,commands',
      WORKLIST_EVALUATE_INTERVAL_MS: '0',
      RATE_LIMIT_MAX: '1000000',
      API_KEYS: JSON.stringify([
        {
          id: 'bench',
          role: 'programme-admin',
          organisations: '*',
          hash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
        },
      ]),
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
    }),
  );
  try {
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const consumer = app.get(KafkaCommandConsumer);
    while (consumer.status().state !== 'running') await sleep(50);
    // The backlog is sent while the consumer is stopped, so only its consumption is timed.
    await consumer.stop();
    const post = poster(url, key);
    const { measureIds, weeks } = await setUpMeasures(url, (2 * COMMANDS) / PERIODS, key);
    console.log(`set up: ${measureIds.length} measures`);
    const kafka = await kafkaRate(consumer, prefix, measureIds.slice(0, COMMANDS / PERIODS), weeks);
    console.log(`Kafka: ${fmt(kafka)} commands/s`);
    const http = await httpRate(post, measureIds.slice(COMMANDS / PERIODS), weeks);
    console.log(`HTTP: ${fmt(http)} commands/s`);
    writeSection(
      'kafka-commands',
      `${title}\n\n` +
        `One app (embedded SQLite store, \`SQLITE_SYNCHRONOUS=NORMAL\`) and the local broker (Kafka 4.4.0, 3 partitions) on the same machine; load average ${load.toFixed(1)} when the run began. ` +
        `Kafka: a backlog of ${fmt(COMMANDS)} \`RecordMeasurement\` messages (${fmt(COMMANDS / PERIODS)} weekly measures × ${PERIODS} weeks, keyed by measure) produced while the consumer was stopped, then timed from its start until every one was run, answered on the results topic (acks=all) and counted; offsets commit after each answer. ` +
        `HTTP: ${fmt(COMMANDS)} more of the same commands (other measures, so the streams are the same size) posted to the same app with ${IN_FLIGHT} requests in flight, each answered 201. Both go through the same validation, authorisation and CommandBus.\n\n` +
        table(
          ['measure', 'Kafka consumer', 'HTTP (3 in flight)', 'Kafka / HTTP'],
          [[`RecordMeasurement commands/s (${fmt(COMMANDS)})`, fmt(kafka), fmt(http), fmt(kafka / http, 2)]],
        ),
    );
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runKafkaCommandsBench();
}
