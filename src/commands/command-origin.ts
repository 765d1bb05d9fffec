import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { validationProblem } from '../shared/problem';
import type { Submission } from './command-gateway';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;
const SOURCE = /^[A-Za-z0-9._-]{1,64}$/;
const IF_MATCH = /^"(-1|0|[1-9]\d{0,15})"$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How a command was sent over HTTP: the idempotency key (header), the
 * revision the caller expects (If-Match), the calling system. The headers'
 * syntax is the route's concern: malformed ones are a 400 naming the header,
 * before the gateway looks at the command.
 */
export function httpSubmission(request: FastifyRequest, principal: Principal): Submission {
  const problems = [];
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !KEY.test(key)) {
    problems.push({
      field: 'Idempotency-Key',
      rule: 'format',
      message: 'Idempotency-Key must be 1 to 128 of A-Z a-z 0-9 . _ : -',
    });
  }
  const ifMatch = header(request, 'if-match');
  if (ifMatch !== undefined && !IF_MATCH.test(ifMatch)) {
    problems.push({
      field: 'If-Match',
      rule: 'format',
      message: 'If-Match must be a stream revision in quotes, e.g. "3", as the ETag gave it',
    });
  }
  const source = header(request, 'x-source-system');
  if (source !== undefined && !SOURCE.test(source)) {
    problems.push({
      field: 'X-Source-System',
      rule: 'format',
      message: 'X-Source-System must be 1 to 64 of A-Z a-z 0-9 . _ -',
    });
  }
  if (problems.length > 0) throw validationProblem(problems);
  return {
    idempotencyKey: key,
    idempotencyKeyField: 'the Idempotency-Key header',
    expectedRevision: ifMatch === undefined ? undefined : Number(ifMatch.slice(1, -1)),
    sourceSystem: source ?? principal.sourceSystem ?? 'http-api',
    correlationId: String(request.id),
    transport: 'http',
    audit: request.clientIpHash ? { clientIpHash: request.clientIpHash } : {},
  };
}
