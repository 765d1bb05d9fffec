import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../shared/problem';
import type { AuthFailure } from './principal';

const REALM = 'always-events';

/** 401 with the RFC 6750 challenge; the detail says what was wrong with the credentials, never more. */
export function unauthorised(failure: AuthFailure | undefined): ProblemException {
  const detail =
    failure?.detail ?? 'This route needs credentials: send Authorization: Bearer <API key or token>';
  const challenge = failure?.error
    ? `Bearer realm="${REALM}", error="${failure.error}", error_description="${detail.replace(/"/g, "'")}"`
    : `Bearer realm="${REALM}"`;
  return new ProblemException(
    HttpStatus.UNAUTHORIZED,
    'unauthorised',
    'Unauthorised',
    detail,
    {},
    {
      'www-authenticate': challenge,
    },
  );
}

export function forbidden(detail: string): ProblemException {
  return new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail);
}
