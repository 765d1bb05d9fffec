import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../shared/problem';

export interface ConflictRetryOptions {
  /** How long a command may keep deciding again after conflicts before it gives up with 409. */
  deadlineMs: number;
  /** The first pause; each later one may be up to twice as long, up to `maxPauseMs`. */
  firstPauseMs: number;
  maxPauseMs: number;
}

const DEFAULTS: ConflictRetryOptions = { deadlineMs: 3_000, firstPauseMs: 2, maxPauseMs: 100 };

export interface ConflictRetries {
  /** Pauses before the next attempt, or throws 409 with Retry-After when the deadline would pass. */
  pauseOrThrow(conflict: Error): Promise<void>;
}

/**
 * Jittered exponential back-off between attempts of one command whose
 * append lost a race with another process. "Full jitter": each pause is
 * random up to its cap, so writers that collided do not collide again in step.
 */
@Injectable()
export class ConflictRetry {
  constructor(
    private readonly options: ConflictRetryOptions = DEFAULTS,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  start(): ConflictRetries {
    const started = this.now();
    let attempt = 0;
    return {
      pauseOrThrow: async (conflict) => {
        const cap = Math.min(this.options.maxPauseMs, this.options.firstPauseMs * 2 ** attempt);
        attempt += 1;
        const pause = Math.round(this.random() * cap);
        if (this.now() + pause - started > this.options.deadlineMs) throw this.gaveUp(conflict, attempt);
        await new Promise((resolve) => setTimeout(resolve, pause));
      },
    };
  }

  private gaveUp(conflict: Error, attempts: number): ProblemException {
    return new ProblemException(
      HttpStatus.CONFLICT,
      'concurrency-conflict',
      'Conflict',
      `Other writers kept changing the stream: ${attempts} attempts in ${this.options.deadlineMs} ms were each overtaken (${conflict.message}). Nothing was written; send it again.`,
      {},
      { 'retry-after': '1' },
    );
  }
}
