import { Command } from '../shared';

/** Whether the service holds personal data for a person id: a key was issued for it. */
export type PersonalDataHolding = 'held' | 'none';

/**
 * Erase one person's personal data (names, emails, posts) everywhere it is
 * shown. A governed decision: the reason cites the case (e.g. a request
 * reference), never the person's own details.
 */
export type ErasePersonalData = Command<
  'ErasePersonalData',
  { personId: string; reason: string },
  { holding: PersonalDataHolding }
>;

export type PersonalDataCommand = ErasePersonalData;

/** One stream per data subject: `personal-data-<personId>`. */
export const personalDataStreamId = (personId: string): string => `personal-data-${personId.toLowerCase()}`;
