import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { screen } from '../privacy/screening';

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's correlation id when it is sane and holds no patient data (it
 * ends up in logs, events and the response), else a new one; the request
 * screening then refuses a request whose id was patient data.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[CORRELATION_HEADER] ?? req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_ID.test(given) && screen(given).length === 0
    ? given
    : randomUUID();
}
