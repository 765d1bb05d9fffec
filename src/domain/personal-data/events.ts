import { DomainEvent, IsoDateTime } from '../shared';

/**
 * The audit record of an erasure: who (the event's actor and role), when and
 * why. From the moment it is in the log the person's fields read as
 * `[erased]`, and their key is destroyed.
 */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  { personId: string; reason: string; erasedAt: IsoDateTime }
>;

/**
 * The audit record of a redaction: data that should never have been written
 * (patient data in free text) removed from one stored event. Who and why are
 * the event's actor and `reason`; `removedSha256` fingerprints what was
 * removed, salted with a salt that is never stored (the operator keeps it).
 */
export type EventFieldsRedacted = DomainEvent<
  'EventFieldsRedacted',
  {
    redactionId: string;
    streamId: string;
    eventId: string;
    eventType: string;
    /** Dotted paths in the event's data, each now `[redacted]`. */
    fields: string[];
    reason: string;
    removedSha256: string;
    /** SQLite: the event rewritten in place; EventStoreDB: the stream copied, corrected, and truncated. */
    method: 'in-place' | 'copy-and-truncate';
    /** EventStoreDB: the stream's first revision after the truncation (the corrected copies start there). */
    truncatedBefore: number | null;
    redactedAt: IsoDateTime;
  }
>;

export type PersonalDataEvent = PersonalDataErased | EventFieldsRedacted;
