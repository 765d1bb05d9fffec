import { ensure } from './domain-error';
import { compareInstants } from './values';

/** A date a command says something happened on is not after the server's `now`. */
export function ensureNotInFuture(date: string, now: string, field: string): void {
  ensure(
    compareInstants(date, now) <= 0,
    'date-in-future',
    `${field} ${date} is in the future`,
    'invalid',
    field,
  );
}
