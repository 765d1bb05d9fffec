import type { ProblemBody } from '../../shared/problem';
import type { ConsumedMessage, OutgoingMessage } from '../kafka-port';
import type { DeadLetterReason } from './command-message';

export type AcceptedResult = {
  commandId: string;
  /** `replayed`: the commandId was done before (a redelivery or a resend); nothing was written this time. */
  status: 'accepted' | 'replayed';
  streamId: string;
  revision: number;
  position: number;
  eventIds: string[];
};

export type RejectedResult = {
  commandId: string;
  status: 'rejected';
  /** The application/problem+json body POST /v1/commands/{name} would have answered. */
  problem: ProblemBody;
};

/** The value of a message on `<prefix>.command-results.v1`, keyed by commandId. */
export type KafkaCommandResult = AcceptedResult | RejectedResult;

export const RESULT_HEADERS = {
  command: 'command',
  status: 'status',
  correlationId: 'correlation-id',
  contentType: 'content-type',
} as const;

export function toResultMessage(
  result: KafkaCommandResult,
  command: string,
  correlationId: string,
): OutgoingMessage {
  return {
    key: result.commandId,
    value: JSON.stringify(result),
    headers: {
      [RESULT_HEADERS.command]: command,
      [RESULT_HEADERS.status]: result.status,
      [RESULT_HEADERS.correlationId]: correlationId,
      [RESULT_HEADERS.contentType]: 'application/json',
    },
  };
}

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  detail: 'dlq-detail',
  topic: 'dlq-source-topic',
  partition: 'dlq-source-partition',
  offset: 'dlq-source-offset',
} as const;

/**
 * The original record, byte for byte with its key and headers, plus where it
 * came from and why it is here. A `redacted` one (patient data was found in
 * it) keeps none of the three: only where it came from and why, so the
 * producer can find it on the commands topic, and nothing is repeated.
 */
export function toDeadLetter(
  consumed: ConsumedMessage,
  reason: DeadLetterReason,
  detail: string,
  redacted = false,
): OutgoingMessage {
  const source = `${consumed.topic}/${consumed.partition}/${consumed.offset}`;
  return {
    key: redacted ? source : (consumed.key ?? source),
    value: redacted ? '' : (consumed.value ?? ''),
    valueBytes: redacted ? undefined : (consumed.valueBytes ?? undefined),
    headers: {
      ...(redacted ? {} : consumed.headers),
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.detail]: detail.slice(0, 1_000),
      [DLQ_HEADERS.topic]: consumed.topic,
      [DLQ_HEADERS.partition]: String(consumed.partition),
      [DLQ_HEADERS.offset]: consumed.offset,
    },
  };
}
