import type { FastifyRequest } from 'fastify';
import { unauthorised } from '../auth/auth-problems';
import '../auth/principal';
import { validationProblem } from '../http/problem';
import { CommandOrigin } from './execute-command';

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;
const SOURCE = /^[A-Za-z0-9._-]{1,64}$/;
const IF_MATCH = /^"(-1|0|[1-9]\d{0,15})"$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads how a command was sent: idempotency key (header, or `commandId` in
 * the body; both must agree), the revision the caller expects (If-Match), the
 * calling system. Malformed headers are a 400 naming the header.
 */
export function commandOrigin(request: FastifyRequest, commandId: string | undefined): CommandOrigin {
  const problems = [];
  const headerKey = header(request, 'idempotency-key');
  if (headerKey !== undefined && !KEY.test(headerKey)) {
    problems.push({
      field: 'Idempotency-Key',
      rule: 'format',
      message: 'Idempotency-Key must be 1 to 128 of A-Z a-z 0-9 . _ : -',
    });
  }
  if (headerKey !== undefined && commandId !== undefined && headerKey !== commandId) {
    problems.push({
      field: 'commandId',
      rule: 'matches-idempotency-key',
      message: 'commandId and the Idempotency-Key header differ',
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
  // The authorisation guard lets no command through without one; this keeps an unwired route from writing anonymously.
  const principal = request.principal;
  if (!principal) throw unauthorised(request.authFailure);
  return {
    idempotencyKey: headerKey ?? commandId,
    expectedRevision: ifMatch === undefined ? undefined : Number(ifMatch.slice(1, -1)),
    actor: principal.id,
    actorRole: principal.role,
    sourceSystem: source ?? principal.sourceSystem ?? 'http-api',
    correlationId: String(request.id),
    transport: 'http',
    audit: {
      authStrategy: principal.strategy,
      ...(request.clientIpHash ? { clientIpHash: request.clientIpHash } : {}),
    },
  };
}
