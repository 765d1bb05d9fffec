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

export type PersonalDataEvent = PersonalDataErased;
