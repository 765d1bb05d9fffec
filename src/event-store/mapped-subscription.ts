import type { AllSubscription, SubscriptionMessage } from './port';
import type { RecordedEvent } from './recorded-event';

/** A subscription whose events pass through `map` (a decorator's read path); the rest as they come. */
export function mapSubscription(
  inner: AllSubscription,
  map: (event: RecordedEvent) => RecordedEvent | Promise<RecordedEvent>,
): AllSubscription {
  return {
    close: () => inner.close(),
    [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
      const iterator = inner[Symbol.asyncIterator]();
      return {
        next: async () => {
          const next = await iterator.next();
          if (next.done || next.value.kind !== 'event') return next;
          return { done: false, value: { kind: 'event', event: await map(next.value.event) } };
        },
        return: async () => (iterator.return ? iterator.return() : { done: true, value: undefined }),
      };
    },
  };
}
