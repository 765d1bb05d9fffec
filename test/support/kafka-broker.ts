import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import type { Delivered } from './delivery-check';

/** The broker the Kafka tests run against: `KAFKA_BROKERS` (CI starts one with scripts/kafka-local.sh). */
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '')
  .split(',')
  .map((b) => b.trim())
  .filter((b) => b.length > 0);

const REQUIRED = ['1', 'true'].includes(process.env.KAFKA_REQUIRED ?? '');

const NOT_RUN = `
################################################################################
#  Kafka tests NOT RUN: KAFKA_BROKERS is empty.                                 #
#  Start a real broker and point the tests at it:                               #
#    scripts/kafka-local.sh start && export KAFKA_BROKERS=127.0.0.1:9092         #
#  (needs Java 17+ and Maven). CI sets KAFKA_REQUIRED=1, which makes this fail. #
################################################################################`;

/**
 * `describe` for tests against a real broker. Without KAFKA_BROKERS the suite
 * shrinks to one test that fails when KAFKA_REQUIRED is set (CI) and
 * otherwise passes with a loud warning, so a missing broker is never silent.
 */
export function describeWithKafka(name: string, body: (brokers: string[]) => void): void {
  if (KAFKA_BROKERS.length > 0) {
    describe(name, () => body(KAFKA_BROKERS));
    return;
  }
  describe(name, () => {
    it('needs a real Kafka broker: KAFKA_BROKERS is empty', () => {
      console.warn(NOT_RUN);
      if (REQUIRED)
        throw new Error('KAFKA_REQUIRED is set but KAFKA_BROKERS is empty: the Kafka tests cannot run');
      expect(REQUIRED).toBe(false);
    });
  });
}

/** Topics of one test run never meet another's on a shared broker. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function testKafka(brokers: string[]): Kafka {
  return new Kafka({ brokers, clientId: 'aet-tests', logLevel: logLevel.NOTHING });
}

/** Fails with a clear message when nothing answers at `brokers`. */
export async function expectBrokerUp(brokers: string[], timeoutMs = 30_000): Promise<Admin> {
  const admin = new Kafka({
    brokers,
    clientId: 'aet-tests',
    logLevel: logLevel.NOTHING,
    retry: { retries: Math.ceil(timeoutMs / 1_000), maxRetryTime: 1_000 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return admin;
  } catch (error) {
    throw new Error(
      `KAFKA_BROKERS=${brokers.join(',')} but no broker answered (${String(error)}); start one with scripts/kafka-local.sh start`,
    );
  }
}

/** Enough read: `count` distinct events (by the event-id header), whatever the duplicates. */
export function distinctEvents(count: number): (delivered: readonly Delivered[]) => boolean {
  const ids = new Set<string>();
  let counted = 0;
  return (delivered) => {
    for (; counted < delivered.length; counted++) ids.add(delivered[counted].headers['event-id']);
    return ids.size >= count;
  };
}

/**
 * Reads every topic from the beginning with a fresh kafkajs consumer group
 * (independent of the relay) until `count` messages have arrived, or `enough`
 * says so.
 */
export async function consumeWithKafkajs(
  brokers: string[],
  topics: string[],
  enough: number | ((delivered: readonly Delivered[]) => boolean),
  timeoutMs = 60_000,
): Promise<Delivered[]> {
  const done = typeof enough === 'number' ? (d: readonly Delivered[]) => d.length >= enough : enough;
  const consumer: Consumer = testKafka(brokers).consumer({ groupId: uniquePrefix('reader') });
  const delivered: Delivered[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`kafkajs consumer: not done after ${timeoutMs} ms (${delivered.length} messages read)`),
          ),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
          delivered.push({
            topic,
            partition,
            key: message.key?.toString() ?? null,
            headers,
            value: message.value?.toString() ?? null,
          });
          if (done(delivered)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return delivered;
}

/** Reads a topic from the beginning to its end with kcat (librdkafka), a consumer sharing no code with ours. */
export function consumeWithKcat(brokers: string[], topic: string): Promise<Delivered[]> {
  return new Promise((resolve, reject) => {
    const kcat = spawn(
      'kcat',
      ['-b', brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-J'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    kcat.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    kcat.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    kcat.on('error', (error) =>
      reject(new Error(`kcat could not run (apt-get install -y kcat): ${error.message}`)),
    );
    kcat.on('close', (code) => {
      if (code !== 0) return reject(new Error(`kcat exited with ${code}: ${err}`));
      resolve(
        out
          .split('\n')
          .filter((line) => line.trim().length > 0)
          .map((line) => {
            const record = JSON.parse(line) as {
              topic: string;
              partition: number;
              key: string | null;
              payload: string | null;
              headers?: string[];
            };
            // kcat -J prints headers as a flat [name, value, name, value, ...] list.
            const flat = record.headers ?? [];
            const headers: Record<string, string> = {};
            for (let i = 0; i + 1 < flat.length; i += 2) headers[flat[i]] = flat[i + 1];
            return {
              topic: record.topic,
              partition: record.partition,
              key: record.key,
              headers,
              value: record.payload,
            };
          }),
      );
    });
  });
}
