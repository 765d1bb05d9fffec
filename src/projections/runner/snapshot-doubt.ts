import type { DomainEventType } from '../../domain/events-by-category';
import type { EventStore } from '../../event-store/port';
import type { LoggedEvent } from './snapshot-store';

/** Events after which no earlier fold may be reused: they change what earlier events read as. */
export const REWRITES_HISTORY: readonly DomainEventType[] = ['EventFieldsRedacted', 'PersonalDataErased'];

/**
 * Why a snapshot (a fold of the log whose last event was `lastEvent`) may
 * not be the fold of this store's log up to that event, if it may not: the
 * store has another event there or none (another store, or one reset or
 * restored from an older copy), or a redaction or erasure came after it
 * (what the events before it read as has changed). Undefined when it can be
 * used: a snapshot is a cache the answer must never depend on.
 */
export async function snapshotDoubt(store: EventStore, lastEvent: LoggedEvent): Promise<string | undefined> {
  try {
    const [at] = await store.readAll({ fromPosition: lastEvent.position, maxCount: 1 });
    if (at?.position !== lastEvent.position || at.id !== lastEvent.id)
      return `the store has ${at ? `event ${at.id} at position ${at.position}` : 'no event there'}`;
    const [rewrite] = (
      await store.readAll({
        fromPosition: lastEvent.position,
        maxCount: 2,
        filter: { eventTypes: REWRITES_HISTORY },
      })
    ).filter((event) => event.position > lastEvent.position);
    if (rewrite) return `${rewrite.type} at position ${rewrite.position} changed the events before it`;
    return undefined;
  } catch (error) {
    return `its position cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}
