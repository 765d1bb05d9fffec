import type { EventsByCategory } from '../../domain/events-by-category';
import { categoryOf, StreamCategory } from '../../domain/stream-names';
import type { RecordedEvent } from '../../event-store/recorded-event';

/** A stored event with its stream's category, typed as that category's events: a switch on `category` narrows `event`. */
export type RoutedEvent = {
  [C in StreamCategory]: { category: C; event: EventsByCategory[C] };
}[StreamCategory];

/**
 * A stored event as its read model folds it, routed by its stream's category
 * (undefined for a stream outside the domain). The log holds only what the
 * deciders wrote, upcast to the current schema on read, so its JSON is taken
 * as the domain's event types here, the one place the read side states that trust.
 */
export function routeEvent(
  event: Pick<RecordedEvent, 'streamId' | 'type' | 'data'>,
): RoutedEvent | undefined {
  const category = categoryOf(event.streamId);
  if (category === undefined) return undefined;
  return { category, event: { type: event.type, data: event.data } } as RoutedEvent;
}
