import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { routePolicy } from '../auth/policy';
import { ProblemException } from '../http/problem';

/**
 * Rate limit per principal, across every route (not per route, which is
 * @nestjs/throttler's default key): one client cannot crowd out the others.
 * Public routes (health, docs) are not limited, so probes never get 429.
 */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return routePolicy(request.method, request.routeOptions.url)?.public === true;
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { principal, ip } = request as unknown as FastifyRequest;
    return principal ? `${principal.strategy}:${principal.id}` : `ip:${ip}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate-limited',
      'Too many requests',
      `More than ${detail.limit} requests in ${Math.round(detail.ttl / 1000)} s from this credential; retry after ${detail.timeToBlockExpire} s`,
      {},
      { 'retry-after': String(detail.timeToBlockExpire) },
    );
  }
}
