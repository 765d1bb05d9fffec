import { BACKWARDS, END } from '@eventstore/db-client';
import type { EventStoreDBClient, Position } from '@eventstore/db-client';
import { UNKNOWN_POSITION } from '../recorded-event';
import { positionMissing, toRecordedEvent } from './esdb-events';
import { toPortPosition } from './esdb-positions';

/** Events read per page while looking backwards for the last non-system event. */
const HEAD_PAGE = 64;

/**
 * Reads of $all from its end, for what the server does not answer directly.
 * Errors are the client's; the adapter maps them.
 */

/** The last non-system event's position, 0 for none: pages backwards past the server's own events. */
export async function lastOwnEventPosition(client: EventStoreDBClient): Promise<number> {
  let from: typeof END | Position = END;
  for (;;) {
    let seen = 0;
    const read = client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_PAGE });
    for await (const resolved of read) {
      seen += 1;
      const event = toRecordedEvent(resolved.event, resolved.commitPosition);
      if (event && event.position === UNKNOWN_POSITION) throw positionMissing(event);
      if (event) {
        await read.cancel();
        return event.position;
      }
      if (resolved.event?.position) from = resolved.event.position;
    }
    if (seen < HEAD_PAGE) return 0;
  }
}

/** Where the event at `revision` of `stream` is, if it is among the last `within` records of $all. */
export async function findInLatest(
  client: EventStoreDBClient,
  stream: string,
  revision: number,
  within: number,
): Promise<number | undefined> {
  const read = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: within });
  for await (const resolved of read) {
    const event = resolved.event;
    if (event?.streamId === stream && event.revision === BigInt(revision) && event.position) {
      await read.cancel();
      return toPortPosition(event.position.commit);
    }
  }
  return undefined;
}
