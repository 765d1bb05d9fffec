import { InvalidAppendError } from './errors';
import { NewEvent } from './recorded-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rules every adapter applies before writing, so that a batch one store takes
 * is never refused by another (EventStoreDB requires UUID ids, reserves `$`).
 */
export function assertAppendable(stream: string, events: readonly NewEvent[]): void {
  if (stream.length === 0 || stream.startsWith('$')) {
    throw new InvalidAppendError(`Stream name "${stream}" is empty or reserved (starts with $)`);
  }
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

export function isSystemEventType(type: string): boolean {
  return type.startsWith('$');
}
