import { InvalidAppendError, InvalidReadError } from './errors';
import type { ReadAllOptions, ReadStreamOptions } from './port';
import { NewEvent } from './recorded-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rules every adapter applies before writing, so that a batch one store takes
 * is never refused by another (EventStoreDB requires UUID ids, reserves `$`).
 */
export function assertAppendable(stream: string, events: readonly NewEvent[]): void {
  assertWritableName(stream);
  if (events.length === 0) {
    throw new InvalidAppendError(`Append to ${stream} has no events`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) {
      throw new InvalidAppendError(`Event id "${event.id}" is not a UUID`);
    }
    if (ids.has(event.id.toLowerCase())) {
      throw new InvalidAppendError(`Event id ${event.id} appears twice in one append`);
    }
    ids.add(event.id.toLowerCase());
    if (event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(`Event type "${event.type}" is empty or reserved (starts with $)`);
    }
  }
}

/** A stream the port may write to, append or delete: not empty, not one of the server's own (`$`). */
export function assertWritableName(stream: string): void {
  if (stream.length === 0 || stream.startsWith('$')) {
    throw new InvalidAppendError(`Stream name "${stream}" is empty or reserved (starts with $)`);
  }
}

export function isSystemEventType(type: string): boolean {
  return type.startsWith('$');
}

const READ_NUMBERS = {
  fromRevision: 0,
  maxCount: 0,
  fromPosition: -Infinity,
  toPosition: -Infinity,
} as const;

/**
 * Read options every adapter takes alike: revisions, counts and positions are
 * whole numbers (revisions and counts from 0), so no store turns a fraction,
 * NaN or 1e300 into an unexpected error, or a negative count into no limit.
 */
export function assertReadable(options: ReadStreamOptions & ReadAllOptions): void {
  for (const [name, min] of Object.entries(READ_NUMBERS) as Array<[keyof typeof READ_NUMBERS, number]>) {
    const value = options[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
      const from = min === 0 ? ' from 0' : '';
      throw new InvalidReadError(`${name} must be a whole number${from} up to 2^53 - 1, not ${value}`);
    }
  }
  for (const name of ['occurredAtMax', 'recordedAtMax'] as const) {
    const value = options[name];
    if (value !== undefined && !Number.isFinite(Date.parse(value))) {
      throw new InvalidReadError(`${name} must be an ISO 8601 instant, not ${JSON.stringify(value)}`);
    }
  }
}
