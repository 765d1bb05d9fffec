import { CommandContext } from './command';
import { ensure } from './domain-error';
import { compareInstants, dateOf, IsoDate } from './values';

/**
 * A recorded fact (an enrolment, a visit, a submission) cannot be dated after
 * today: it has not happened yet. Plans and deadlines may lie in the future;
 * facts may lie in the past, since backfilled history is normal.
 */
export function ensureNotInFuture(date: IsoDate, context: CommandContext, field: string): void {
  const today = dateOf(context.now);
  ensure(
    compareInstants(date, today) <= 0,
    'date-in-future',
    `${field} ${date} is after today (${today})`,
    'invalid',
    field,
  );
}

/** Refuses `date` before `earliest`, naming both facts in the message. */
export function ensureNotBefore(
  date: IsoDate,
  earliest: IsoDate,
  rule: string,
  field: string,
  earliestFact: string,
): void {
  ensure(
    compareInstants(date, earliest) >= 0,
    rule,
    `${field} ${date} is before ${earliestFact} (${earliest})`,
    'invalid',
    field,
  );
}
