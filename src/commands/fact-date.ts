import { isIsoDate } from '../shared/validation/validators';
import type { CommandDto } from './command-dto';

const NAMED_DATES = new Set(['effectiveDate', 'openDate', 'startDate', 'setDate']);

/**
 * When the fact a command records happened, if its body says: the first
 * field that dates the fact
 * (`…On`, `effectiveDate`, `openDate`, `startDate`, `setDate`). It becomes the
 * events' `occurredAt` (unless the caller sent one), so `asOf` bounds a
 * backfilled enrolment by its enrolment date, not by the day it was typed in.
 */
export function factDateOf(dto: CommandDto): string | undefined {
  // The DTO's own fields (no decorator renames one), as instanceToPlain would list them, without its copy.
  for (const field of Object.keys(dto)) {
    if (!field.endsWith('On') && !NAMED_DATES.has(field)) continue;
    const value: unknown = (dto as unknown as Record<string, unknown>)[field];
    if (isIsoDate(value)) return `${value}T00:00:00.000Z`;
  }
  return undefined;
}

/** The business time of a command's events: given, else its fact's date, never after now. */
export function occurredAtOf(dto: CommandDto, now: string): string {
  const chosen = dto.occurredAt ?? factDateOf(dto) ?? now;
  return Date.parse(chosen) > Date.parse(now) ? now : chosen;
}
