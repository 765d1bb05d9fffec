import { Kafka, logLevel, Producer } from 'kafkajs';
import type { KafkaCommandResult } from '../../../src/kafka/commands/command-result';
import { consumeWithKcat } from '../../support/kafka-broker';
import type { Delivered } from '../../support/delivery-check';
import { trustBody } from '../../auth/matrix-support';

export interface RawCommand {
  key?: string;
  /** A value that is not a command message, sent as it is. */
  raw?: string | Buffer;
  value?: { commandId: string; command: string; payload: object } & Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A producer of our own (plain kafkajs, not the service's adapter), as an upstream system would have. */
export async function commandProducer(brokers: string[]): Promise<Producer> {
  const producer = new Kafka({ brokers, clientId: 'aet-test-upstream', logLevel: logLevel.NOTHING }).producer(
    {
      allowAutoTopicCreation: false,
    },
  );
  await producer.connect();
  return producer;
}

export async function sendCommands(producer: Producer, topic: string, commands: RawCommand[]): Promise<void> {
  for (let i = 0; i < commands.length; i += 500) {
    await producer.send({
      topic,
      acks: -1,
      messages: commands.slice(i, i + 500).map(({ key, raw, value, headers }) => ({
        key: key ?? value?.commandId ?? null,
        value: raw ?? JSON.stringify(value),
        headers,
      })),
    });
  }
}

export const registerOrganisation = (commandId: string, odsCode: string) => ({
  commandId,
  command: 'RegisterOrganisation',
  payload: trustBody(odsCode),
});

export interface ReadResult {
  message: Delivered;
  result: KafkaCommandResult;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a topic with kcat until `done` says enough, or fails after `timeoutMs` naming what arrived. */
export async function readUntil(
  brokers: string[],
  topic: string,
  done: (messages: Delivered[]) => boolean,
  timeoutMs = 60_000,
): Promise<Delivered[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await consumeWithKcat(brokers, topic);
    if (done(messages)) return messages;
    if (Date.now() > deadline) {
      throw new Error(`${topic}: not enough after ${timeoutMs} ms (${messages.length} messages)`);
    }
    await sleep(250);
  }
}

/** The results on the results topic for these commandIds, once each has at least one. */
export async function resultsFor(
  brokers: string[],
  topic: string,
  commandIds: string[],
  timeoutMs?: number,
): Promise<ReadResult[]> {
  const wanted = new Set(commandIds);
  const messages = await readUntil(
    brokers,
    topic,
    (all) =>
      new Set(all.map((m) => m.key).filter((key) => key !== null && wanted.has(key))).size === wanted.size,
    timeoutMs,
  );
  return messages
    .filter((m) => m.key !== null && wanted.has(m.key))
    .map((message) => ({ message, result: JSON.parse(message.value ?? 'null') as KafkaCommandResult }));
}
