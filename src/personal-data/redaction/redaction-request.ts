import type { EventFieldsRedacted } from '../../domain/personal-data/events';
import type { AppendMetadata, NewEvent, RecordedEvent } from '../../event-store/recorded-event';
import { DomainError } from '../../domain/shared';
import { fingerprint, redactFields } from './redact-fields';

export interface RedactionRequest {
  redactionId: string;
  streamId: string;
  eventId: string;
  fields: string[];
  reason: string;
  /** Who asks (actor, role, correlation id): the audit event's metadata. */
  metadata: AppendMetadata;
  now: string;
}

export interface RedactionOutcome {
  audit: EventFieldsRedacted['data'];
  auditStreamId: string;
  /** Global position of the audit event. */
  position: number;
  /** The salt of `removedSha256`, given once and never stored. */
  salt: string;
  /** What an operator still has to do, or cannot undo, on this store. */
  leftBehind: string[];
}

/** Every redaction of one event leaves its audit record in a stream of its own. */
export const redactionStreamId = (redactionId: string): string =>
  `personal-data-redaction-${redactionId.toLowerCase()}`;

/**
 * The corrected data of the named event and its audit event, or a DomainError
 * (422) naming each field that cannot be redacted: nothing is changed then.
 */
export function planRedaction(
  request: RedactionRequest,
  event: RecordedEvent,
  method: EventFieldsRedacted['data']['method'],
  truncatedBefore: number | null,
): { data: unknown; auditEvent: NewEvent; audit: EventFieldsRedacted['data']; salt: string } {
  const { data, removed, refusals } = redactFields(event.data, request.fields);
  if (refusals.length > 0) {
    const [first] = refusals;
    throw new DomainError(
      first.rule,
      refusals.map((r) => r.message).join('; '),
      first.rule === 'field-already-redacted' ? 'conflict' : 'invalid',
      `fields (${first.field})`,
    );
  }
  const { sha256, salt } = fingerprint(removed);
  const audit: EventFieldsRedacted['data'] = {
    redactionId: request.redactionId.toLowerCase(),
    streamId: request.streamId,
    eventId: event.id,
    eventType: event.type,
    fields: [...request.fields],
    reason: request.reason,
    removedSha256: sha256,
    method,
    truncatedBefore,
    redactedAt: request.now,
  };
  const auditEvent: NewEvent = {
    id: request.redactionId.toLowerCase(),
    type: 'EventFieldsRedacted',
    data: audit,
    metadata: request.metadata,
  };
  return { data, auditEvent, audit, salt };
}
