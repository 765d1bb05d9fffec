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

// Written as a union, as every aggregate's event type is, so tools that read the unions find it.
export type PersonalDataEvent = PersonalDataErased | never;
