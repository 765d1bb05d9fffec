import { screen, ScreeningFinding, screenEach } from '../../privacy/screening';
import { jsonShapeViolation } from '../../shared/validation/json-limits';
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
export type DeadLetterReason =
  'too-large' | 'invalid-json' | 'body-limits' | 'invalid-message' | 'patient-identifiable-data';

export type ParsedCommandMessage =
  | { ok: true; message: CommandMessage }
  | {
      ok: false;
      reason: DeadLetterReason;
      /** Names fields and rules, never values: it is logged and sent as a header. */
      detail: string;
      /** Patient data was found: the dead letter must not carry the record's key, headers or value. */
      redact?: boolean;
    };

/** The Idempotency-Key rule of the HTTP gateway. */
const COMMAND_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const COMMAND_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const FIELDS = new Set(['commandId', 'command', 'payload']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function patientData(findings: ScreeningFinding[]): ParsedCommandMessage {
  return {
    ok: false,
    reason: 'patient-identifiable-data',
    detail: `Patient-identifiable data refused: ${findings.map((f) => `${f.field} (${f.rule})`).join(', ')}`,
    redact: true,
  };
}

/**
 * A message bound for the dead-letter topic with its original bytes: unless
 * screening finds patient data in it (read as JSON when it is, else as text),
 * in which case it goes there redacted instead.
 */
function deadLetter(
  consumed: ConsumedMessage,
  parsed: unknown,
  reason: DeadLetterReason,
  detail: string,
): ParsedCommandMessage {
  const findings = screen(parsed === undefined ? (consumed.value ?? '') : parsed, 'value');
  return findings.length > 0 ? patientData(findings) : { ok: false, reason, detail };
}

/**
 * Reads a command message, or says why it cannot be one. A message that
 * cannot name its commandId cannot be answered on the results topic, so
 * every problem found here sends it to the dead-letter topic; problems with
 * the command itself (unknown name, invalid payload, patient data in the
 * payload) are answered as results. Its key, headers, commandId and command
 * name are screened for patient data here, since the answer repeats them;
 * its shape is checked on the raw text before JSON.parse, as over HTTP.
 */
export function parseCommandMessage(consumed: ConsumedMessage): ParsedCommandMessage {
  const envelope = screenEach([
    ['key', consumed.key ?? ''],
    ['headers', consumed.headers],
  ]);
  if (envelope.length > 0) return patientData(envelope);
  const size = consumed.valueBytes?.length ?? 0;
  if (size > MAX_COMMAND_BYTES) {
    return deadLetter(
      consumed,
      undefined,
      'too-large',
      `The message is ${size} bytes; commands are at most ${MAX_COMMAND_BYTES} bytes`,
    );
  }
  const text = consumed.value ?? '';
  const shape = jsonShapeViolation(text);
  if (shape) return deadLetter(consumed, undefined, 'body-limits', `${shape.field}: ${shape.message}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not the parser's message: V8 quotes the text around the error.
    return deadLetter(consumed, undefined, 'invalid-json', 'The value is not JSON');
  }
  if (!isObject(value)) {
    return deadLetter(
      consumed,
      value,
      'invalid-message',
      'The value must be a JSON object { commandId, command, payload }',
    );
  }
  const named = screenEach([
    ['value.(field name)', Object.keys(value)],
    ['commandId', value.commandId],
    ['command', value.command],
  ]);
  if (named.length > 0) return patientData(named);
  const unknown = Object.keys(value).filter((field) => !FIELDS.has(field));
  if (unknown.length > 0)
    return deadLetter(consumed, value, 'invalid-message', `Unknown fields: ${unknown.join(', ')}`);
  const { commandId, command, payload } = value;
  if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) {
    return deadLetter(
      consumed,
      value,
      'invalid-message',
      'commandId must be 1 to 128 of A-Z a-z 0-9 . _ : -',
    );
  }
  if (typeof command !== 'string' || !COMMAND_NAME.test(command)) {
    return deadLetter(
      consumed,
      value,
      'invalid-message',
      'command must be a command name, e.g. RecordMeasurement',
    );
  }
  if (!isObject(payload)) {
    return deadLetter(consumed, value, 'invalid-message', 'payload must be a JSON object: the command body');
  }
  return { ok: true, message: { commandId, command, payload } };
}
