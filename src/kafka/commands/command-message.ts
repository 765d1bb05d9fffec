import type { ConsumedMessage } from '../kafka-port';
import { MAX_COMMAND_BYTES } from './command-topics';

/** The value of a message on `<prefix>.commands.v1`. */
export interface CommandMessage {
  /** The idempotency key: the same commandId never writes twice. */
  commandId: string;
  /** A command name from the catalogue, as in POST /v1/commands/{name}. */
  command: string;
  /** The command's body, as it would be POSTed. */
  payload: Record<string, unknown>;
}

/** Why a message went to the dead-letter topic instead of getting a result. */
export type DeadLetterReason = 'too-large' | 'invalid-json' | 'invalid-message';

export type ParsedCommandMessage =
  { ok: true; message: CommandMessage } | { ok: false; reason: DeadLetterReason; detail: string };

/** The Idempotency-Key rule of the HTTP gateway. */
const COMMAND_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const COMMAND_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const FIELDS = new Set(['commandId', 'command', 'payload']);

const invalid = (detail: string): ParsedCommandMessage => ({ ok: false, reason: 'invalid-message', detail });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a command message, or says why it cannot be one. A message that
 * cannot name its commandId cannot be answered on the results topic, so
 * every problem found here sends it to the dead-letter topic; problems with
 * the command itself (unknown name, invalid payload) are answered as results.
 */
export function parseCommandMessage(consumed: ConsumedMessage): ParsedCommandMessage {
  const size = consumed.valueBytes?.length ?? 0;
  if (size > MAX_COMMAND_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      detail: `The message is ${size} bytes; commands are at most ${MAX_COMMAND_BYTES} bytes`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(consumed.value ?? '');
  } catch (error) {
    return {
      ok: false,
      reason: 'invalid-json',
      detail: `The value is not JSON: ${(error as Error).message}`,
    };
  }
  if (!isObject(value)) return invalid('The value must be a JSON object { commandId, command, payload }');
  const unknown = Object.keys(value).filter((field) => !FIELDS.has(field));
  if (unknown.length > 0) return invalid(`Unknown fields: ${unknown.join(', ')}`);
  const { commandId, command, payload } = value;
  if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) {
    return invalid('commandId must be 1 to 128 of A-Z a-z 0-9 . _ : -');
  }
  if (typeof command !== 'string' || !COMMAND_NAME.test(command)) {
    return invalid('command must be a command name, e.g. RecordMeasurement');
  }
  if (!isObject(payload)) return invalid('payload must be a JSON object: the command body');
  return { ok: true, message: { commandId, command, payload } };
}
