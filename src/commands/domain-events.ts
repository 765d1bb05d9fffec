import { RecordedEvent } from '../event-store/recorded-event';
import { AnyDomainEvent } from './command-definition';

/** A stored event as its decider sees it (the place where old schema versions will be upcast). */
export function toDomainEvent(event: Pick<RecordedEvent, 'type' | 'data'>): AnyDomainEvent {
  return { type: event.type, data: event.data };
}
