import {
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { newDataKey } from './personal-data-cipher';
import type { KeyDestruction, PersonalDataKeyStore } from './key-store';

/**
 * The key's event type starts with `$`: the port treats it as a system event,
 * so no $all reader (projections, relay, export) ever sees a key.
 */
export const KEY_EVENT_TYPE = '$PersonalDataKey';
export const keyStreamOf = (subject: string): string => `pdkey-${subject}`;

/**
 * Keys in EventStoreDB, one stream per subject. Destroying one tombstones its
 * stream (a hard delete: the name can never be written again); the key's
 * record leaves the database files at the next scavenge, which the operations
 * docs say to run after an erasure.
 */
export class EsdbKeyStore implements PersonalDataKeyStore {
  constructor(private readonly client: EventStoreDBClient) {}

  async keyFor(subject: string): Promise<Buffer> {
    const found = await this.find(subject);
    if (found) return found;
    const stream = keyStreamOf(subject);
    try {
      await this.client.appendToStream(
        stream,
        jsonEvent({ type: KEY_EVENT_TYPE, data: { key: newDataKey().toString('base64') } }),
        { expectedRevision: NO_STREAM },
      );
    } catch (error) {
      // Another writer issued it first: theirs is the key.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const key = await this.find(subject);
    if (!key) throw new Error(`The personal-data key of ${subject} was destroyed`);
    return key;
  }

  async find(subject: string): Promise<Buffer | undefined> {
    try {
      let key: Buffer | undefined;
      // Read to the end (one event at most): leaving the loop early would leave the call open.
      for await (const resolved of this.client.readStream(keyStreamOf(subject), { maxCount: 1 })) {
        const data = resolved.event?.data as { key?: string } | undefined;
        if (typeof data?.key === 'string') key = Buffer.from(data.key, 'base64');
      }
      return key;
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return undefined;
      throw error;
    }
  }

  async destroy(subject: string): Promise<KeyDestruction> {
    const existed = (await this.find(subject)) !== undefined;
    try {
      await this.client.tombstoneStream(keyStreamOf(subject));
    } catch (error) {
      if (!(error instanceof StreamDeletedError)) throw error;
    }
    return {
      destroyed: existed,
      notes: existed
        ? [
            `Stream ${keyStreamOf(subject)} is tombstoned; its key record stays in the database files until a scavenge ` +
              '(POST /admin/scavenge on the server) reclaims it',
          ]
        : [],
      warnings: [],
    };
  }
}
