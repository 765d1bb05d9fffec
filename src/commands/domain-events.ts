import type { RecordedEvent } from '../event-store/recorded-event';
import type { AnyDomainEvent } from './command-definition';

/**
 * A stored event as its aggregate's decider sees it. The log holds only what
 * deciders wrote (upcast to the current schema on read), so its JSON is taken
 * as the domain's event types here, the one place that trust is stated.
 */
export function fromLog<E extends AnyDomainEvent>(event: Pick<RecordedEvent, 'type' | 'data'>): E {
  return { type: event.type, data: event.data } as E;
}
