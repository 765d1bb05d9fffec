/**
 * Kafka relay benchmark (issue "Kafka in and out"), against the local broker
 * (scripts/kafka-local.sh start, or KAFKA_BROKERS):
 * - relay throughput from a backlog, next to the raw kafkajs producer sending
 *   the same messages in the same batches in the same run;
 * - end-to-end lag, append → consumed, under a steady ~1,000 appends/s, read
 *   by a kafkajs consumer on a worker thread (its own event loop, like a
 *   downstream service);
 * - peak RSS of this process during each phase.
 * Without a broker it writes that, and no figures.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { NewEvent } from '../src/event-store';
import { SqliteSharedLease } from '../src/coordination/sqlite-shared-lease';
import type { SharedLeases } from '../src/coordination/shared-lease';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { KafkajsClient } from '../src/kafka/kafkajs/kafkajs-client';
import { AGGREGATE_TYPES, aggregateTypeOf, relayTopics, topicFor } from '../src/kafka/relay/aggregate-topics';
import { toIntegrationEvent } from '../src/kafka/relay/integration-event';
import { IntegrationEventRegistry } from '../src/kafka/relay/integration-event-registry';
import { toOutgoingMessage } from '../src/kafka/relay/integration-message';
import { KafkaRelay } from '../src/kafka/relay/kafka-relay';
import { ensureRelayTopics } from '../src/kafka/relay/relay-topics';
import { CheckpointStore } from '../src/state/checkpoint-store';
import { openStateDatabase } from '../src/state/state-database';
import { benchBrokers, brokerAnswers } from './support/kafka-broker';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const BACKLOG = quick ? 10_000 : 200_000;
const STREAMS_PER_TYPE = 125;
const BATCH = 1_000;
const RATE = 1_000;
const LAG_SECONDS = quick ? 2 : 20;
const PARTITIONS = 3;
const ROUNDS = quick ? 1 : 2;
const brokers = benchBrokers();
const quiet = { log: () => undefined, warn: () => undefined, error: (m: unknown) => console.error(m) };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A measurement-sized event with a cause, as most events arriving through commands will have. */
function newEvent(i: number): NewEvent {
  const correlationId = randomUUID();
  const metadata = { actor: 'bench', sourceSystem: 'bench', schemaVersion: 1 };
  const data = {
    measureId: randomUUID(),
    period: '2018-03',
    unit: 'Ward 7',
    numerator: i % 40,
    denominator: 40,
  };
  return {
    id: randomUUID(),
    type: 'MeasurementRecorded',
    data,
    metadata: {
      ...metadata,
      occurredAt: '2018-03-31T00:00:00.000Z',
      correlationId,
      causationId: correlationId,
    },
  };
}

const streamOf = (i: number): string =>
  `${AGGREGATE_TYPES[i % AGGREGATE_TYPES.length]}-${Math.floor(i / AGGREGATE_TYPES.length) % STREAMS_PER_TYPE}`;

/** Peak resident memory of this process while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    return [result, Math.max(peak, process.memoryUsage().rss) / 2 ** 20];
  } finally {
    clearInterval(timer);
  }
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(5);
}

/**
 * A broker started a moment ago can answer the metadata request that follows
 * a topic's creation with UNKNOWN_TOPIC_OR_PARTITION, which kafkajs does not
 * retry; the relay retries any failure after a pause, and so does this.
 */
async function ensureTopicsAsTheRelayDoes(
  client: Parameters<typeof ensureRelayTopics>[0],
  options: Parameters<typeof ensureRelayTopics>[1],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureRelayTopics(client, options);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500);
    }
  }
}

/**
 * Fresh topics answer the first produce requests with "not the leader" for a
 * moment (kafkajs retries after 300 ms+), which would be timed as throughput.
 * One message to every partition first, outside the timing.
 */
async function warmUp(topics: string[]): Promise<void> {
  const producer = new Kafka({ brokers, clientId: 'bench-warm-up', logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  await producer.sendBatch({
    acks: -1,
    topicMessages: topics.map((topic) => ({
      topic,
      messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: 'warm-up' })),
    })),
  });
  await producer.disconnect();
}

/** The raw kafkajs producer, configured as the relay's, sending the relay's messages batch by batch; only sends are timed. */
async function rawProducerRate(
  store: SqliteEventStore,
  prefix: string,
): Promise<{ rate: number; bytes: number }> {
  const kafka = new Kafka({ brokers, clientId: 'bench-raw', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  let sendMs = 0;
  let sent = 0;
  let bytes = 0;
  for (let from = 1; ; from += BATCH) {
    const events = await store.readAll({ fromPosition: from, maxCount: BATCH });
    if (events.length === 0) break;
    const byTopic = new Map<string, ReturnType<typeof toOutgoingMessage>[]>();
    for (const event of events) {
      const topic = topicFor(prefix, aggregateTypeOf(event.streamId)!);
      const message = toOutgoingMessage(toIntegrationEvent(event, undefined));
      bytes += Buffer.byteLength(message.value);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    }
    const started = performance.now();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    sendMs += performance.now() - started;
    sent += events.length;
  }
  await producer.disconnect();
  return { rate: sent / (sendMs / 1000), bytes: bytes / sent };
}

const CONSUMER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Kafka, logLevel } = require('kafkajs');
const consumer = new Kafka({ brokers: workerData.brokers, clientId: 'bench-lag', logLevel: logLevel.NOTHING })
  .consumer({ groupId: workerData.groupId, maxWaitTimeInMs: 100 });
(async () => {
  await consumer.connect();
  await consumer.subscribe({ topics: workerData.topics, fromBeginning: true });
  consumer.on(consumer.events.GROUP_JOIN, () => parentPort.postMessage({ joined: true }));
  await consumer.run({ eachBatch: async ({ batch }) => {
    const now = Date.now();
    const ids = batch.messages.map((m) => m.headers && m.headers['event-id']).filter(Boolean);
    parentPort.postMessage({ received: ids.map((id) => [id.toString(), now]) });
  } });
})();
parentPort.on('message', async () => { await consumer.disconnect(); process.exit(0); });
`;

const topicOptions = (prefix: string) => ({
  prefix,
  create: true,
  partitions: PARTITIONS,
  replicationFactor: 1,
});

/** The relay's lease and shared checkpoint, as the service keeps them: in the event store file. */
const leasesOn =
  (store: SqliteEventStore): SharedLeases =>
  (options) =>
    new SqliteSharedLease(store.db, options);

/** Events/s of a fresh relay publishing the whole store, from start() until its checkpoint reaches the head. */
async function relayRateFromBacklog(
  store: SqliteEventStore,
  checkpoints: CheckpointStore,
  client: KafkajsClient,
  prefix: string,
): Promise<number> {
  await ensureTopicsAsTheRelayDoes(client, topicOptions(prefix));
  await warmUp(relayTopics(prefix));
  const relay = new KafkaRelay(
    {
      store,
      leases: leasesOn(store),
      checkpoints,
      client,
      registry: new IntegrationEventRegistry(),
      logger: quiet,
    },
    { name: prefix, topics: topicOptions(prefix), batchSize: BATCH },
  );
  const head = await store.headPosition();
  const started = performance.now();
  relay.start();
  await until(() => relay.status().checkpoint === head);
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  return head / seconds;
}

/** Appends one event per append at RATE/s for LAG_SECONDS with a live relay, and measures append → consumed. */
async function endToEndLag(store: SqliteEventStore, checkpoints: CheckpointStore, prefix: string) {
  const client = new KafkajsClient({ brokers, clientId: 'bench-relay' }, quiet);
  const topics = topicOptions(prefix);
  await ensureTopicsAsTheRelayDoes(client, topics);
  await warmUp(relayTopics(prefix));
  checkpoints.set('bench-lag', await store.headPosition());
  const relay = new KafkaRelay(
    {
      store,
      leases: leasesOn(store),
      checkpoints,
      client,
      registry: new IntegrationEventRegistry(),
      logger: quiet,
    },
    { name: 'bench-lag', topics, batchSize: BATCH },
  );
  relay.start();
  const worker = new Worker(CONSUMER, {
    eval: true,
    workerData: { brokers, topics: relayTopics(prefix), groupId: `bench-lag-${randomUUID()}` },
  });
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  let joined = false;
  worker.on('message', (message: { joined?: boolean; received?: Array<[string, number]> }) => {
    if (message.joined) joined = true;
    for (const [id, at] of message.received ?? []) {
      const sent = appendedAt.get(id);
      if (sent !== undefined) {
        lags.push(at - sent);
        appendedAt.delete(id);
      }
    }
  });
  await until(() => joined && relay.status().state === 'live');

  const total = RATE * LAG_SECONDS;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    if (performance.now() < due) await sleep(due - performance.now());
    const event = newEvent(i);
    appendedAt.set(event.id, Date.now());
    await store.appendToStream(streamOf(i), [event]);
  }
  const achieved = total / ((performance.now() - started) / 1000);
  const deadline = Date.now() + 60_000;
  await until(() => lags.length === total || Date.now() > deadline);
  worker.postMessage('stop');
  await relay.stop();
  lags.sort((a, b) => a - b);
  const at = (q: number): number => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))];
  return { achieved, received: lags.length, total, p50: at(0.5), p99: at(0.99), max: lags[lags.length - 1] };
}

export async function runKafkaBench(): Promise<void> {
  const title = `## Kafka relay — \`npm run bench:kafka\`${quick ? ' (quick)' : ''}`;
  if (!(await brokerAnswers(brokers))) {
    const why = `Not run: no Kafka broker answered at ${brokers.join(',')}. Start one with \`scripts/kafka-local.sh start\` (or set \`KAFKA_BROKERS\`) and run again; no figures were measured.`;
    console.log(why);
    writeSection('kafka', `${title}\n\n${why}`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-kafka-'));
  const run = Date.now().toString(36);
  const load = loadavg()[0];
  try {
    const store = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), synchronous: 'NORMAL' });
    const checkpoints = new CheckpointStore(openStateDatabase(join(folder, 'state.sqlite')));
    for (let i = 0; i < BACKLOG; i += 10) {
      await store.appendToStream(
        streamOf(i / 10),
        Array.from({ length: 10 }, (_, k) => newEvent(i + k)),
      );
    }
    console.log(`backlog of ${fmt(BACKLOG)} events written`);

    const client = new KafkajsClient({ brokers, clientId: 'bench-relay' }, quiet);
    const relayRates: number[] = [];
    const rawRates: number[] = [];
    let relayRss = 0;
    let rawRss = 0;
    let bytes = 0;
    // Alternating rounds on fresh topics, best of each: the machine is shared, so one slow moment should not decide.
    for (let round = 0; round < ROUNDS; round++) {
      const [relayRate, relayPeak] = await withPeakRss(() =>
        relayRateFromBacklog(store, checkpoints, client, `bench-relay-${run}-${round}`),
      );
      relayRates.push(relayRate);
      relayRss = Math.max(relayRss, relayPeak);
      console.log(`relay: ${fmt(relayRate)} events/s, peak RSS ${fmt(relayPeak)} MiB`);
      const rawPrefix = `bench-raw-${run}-${round}`;
      await ensureTopicsAsTheRelayDoes(client, { ...topicOptions(rawPrefix) });
      await warmUp(relayTopics(rawPrefix));
      const [raw, rawPeak] = await withPeakRss(() => rawProducerRate(store, rawPrefix));
      rawRates.push(raw.rate);
      rawRss = Math.max(rawRss, rawPeak);
      bytes = raw.bytes;
      console.log(`raw kafkajs producer: ${fmt(raw.rate)} events/s, peak RSS ${fmt(rawPeak)} MiB`);
    }
    const relayRate = Math.max(...relayRates);
    const rawRate = Math.max(...rawRates);

    const [lag, lagRss] = await withPeakRss(() => endToEndLag(store, checkpoints, `bench-lag-${run}`));
    console.log(`lag: p50 ${lag.p50} ms, p99 ${lag.p99} ms at ${fmt(lag.achieved)} appends/s`);
    await store.close();
    checkpoints.db.close();

    writeSection(
      'kafka',
      `${title}\n\n` +
        `Against the local broker (\`scripts/kafka-local.sh\`: Kafka 4.4.0, one combined broker/controller, ${PARTITIONS} partitions per topic, on the same machine). ` +
        `Backlog: ${fmt(BACKLOG)} events (messages of ${fmt(bytes)} bytes on average) over ${fmt(AGGREGATE_TYPES.length * STREAMS_PER_TYPE)} streams of all ${AGGREGATE_TYPES.length} aggregate types in the embedded SQLite store, published in batches of ${fmt(BATCH)}. ` +
        `Best of ${ROUNDS} alternating round${ROUNDS > 1 ? 's' : ''} each (relay: ${relayRates.map((r) => fmt(r)).join(', ')}; raw: ${rawRates.map((r) => fmt(r)).join(', ')} events/s); load average ${load.toFixed(1)} when the run began (the machine is shared, and the broker runs on it too). ` +
        `The relay's time includes reading the store, mapping, sending (idempotent, acks=all, one request at a time) and checkpointing; the baseline times only the raw kafkajs \`sendBatch\` calls for the same messages and batches.\n\n` +
        table(
          ['measure', 'relay', 'baseline: raw kafkajs producer', 'relay / baseline'],
          [
            [
              `events/s from a backlog of ${fmt(BACKLOG)}`,
              fmt(relayRate),
              fmt(rawRate),
              fmt(relayRate / rawRate, 2),
            ],
            ['peak RSS of the process (MiB)', fmt(relayRss), fmt(rawRss), ''],
          ],
        ) +
        `\n\nEnd-to-end lag, append → consumed by a kafkajs consumer group on a worker thread, with the relay live and one event per append at ${fmt(lag.achieved)} appends/s for ${LAG_SECONDS} s (${fmt(lag.received)} of ${fmt(lag.total)} events timed):\n\n` +
        table(
          ['p50 (ms)', 'p99 (ms)', 'max (ms)', 'peak RSS (MiB), with the consumer thread'],
          [[fmt(lag.p50), fmt(lag.p99), fmt(lag.max), fmt(lagRss)]],
        ),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runKafkaBench();
}
