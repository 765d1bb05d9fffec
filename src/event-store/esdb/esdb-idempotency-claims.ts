import {
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventStoreDBClient, JSONType } from '@eventstore/db-client';
import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError } from '../errors';
import type { IdempotencyClaim, IdempotencyKeyUse } from '../idempotency-claim';

/**
 * EventStoreDB keeps no index beside its streams, so a key's first use is an
 * event of its own: one stream per key, created with expected revision
 * `no_stream`, which the server lets exactly one writer win. The event's type
 * starts with `$`, so every read of $all through the port skips it like the
 * server's own events. Its id derives from the key and the fingerprint: a
 * retry of the claim is the server's idempotent no-op, another request's
 * claim a conflict.
 */
export const CLAIM_EVENT_TYPE = '$IdempotencyKeyClaimed';

export function claimStream(key: string): string {
  return `idempotency-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

function claimEventId(claim: IdempotencyClaim): string {
  const hex = createHash('sha256').update(`${claim.key}\n${claim.fingerprint}`).digest('hex');
  // A version-4 shaped UUID: the server only asks for a UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function readClaim(
  client: EventStoreDBClient,
  key: string,
): Promise<IdempotencyKeyUse | undefined> {
  let first: Partial<IdempotencyKeyUse> | undefined;
  try {
    // One event, read to the end of the call: leaving a read early would leave the call open.
    for await (const resolved of client.readStream(claimStream(key), { direction: FORWARDS, maxCount: 1 })) {
      first ??= resolved.event?.data as Partial<IdempotencyKeyUse> | undefined;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return typeof first?.fingerprint === 'string'
    ? { fingerprint: first.fingerprint, command: String(first.command ?? 'command') }
    : undefined;
}

/**
 * Claims the key before the events are appended. A crash between the two
 * leaves a claim without events: the retry, with the same fingerprint, finds
 * its claim and appends; any other request with the key is refused, as it
 * would have been had the events been written.
 */
export async function claimKey(client: EventStoreDBClient, claim: IdempotencyClaim): Promise<void> {
  const data: IdempotencyKeyUse = { fingerprint: claim.fingerprint, command: claim.command };
  try {
    await client.appendToStream(
      claimStream(claim.key),
      jsonEvent({ id: claimEventId(claim), type: CLAIM_EVENT_TYPE, data: data as unknown as JSONType }),
      { expectedRevision: NO_STREAM },
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    const first = await readClaim(client, claim.key);
    if (first && first.fingerprint !== claim.fingerprint) {
      throw new IdempotencyKeyReusedError(claim.key, first.command);
    }
  }
}
