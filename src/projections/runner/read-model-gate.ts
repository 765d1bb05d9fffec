import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { ProblemException, validationProblem } from '../../shared/problem';
import { ProjectionRunner, ProjectionStatus } from './projection-runner';

/**
 * What every read-model query goes through: read-your-writes (`minPosition`,
 * bounded wait, then 503 + Retry-After), and the rule that a figure is only
 * given from a model that is whole up to the position stated with it: a live
 * model; or one still catching up with the log, when the query's minPosition
 * is reached (its status says so). Otherwise 503 + Retry-After: a model
 * catching up at start-up, one whose feed has stopped, one that stopped on an
 * event. (A rebuild never shows: the model it replaces answers meanwhile.)
 */
@Injectable()
export class ReadModelGate {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: AppConfig,
  ) {}

  async current<State>(
    name: string,
    minPosition?: string,
  ): Promise<{ state: State; position: number; status: ProjectionStatus }> {
    if (minPosition !== undefined) await this.waitFor(name, minPosition);
    const current = this.runner.current<State>(name);
    if (current.status === 'failed') throw this.failed(name);
    if (current.status === 'live') return current;
    if (current.status === 'catching-up' && minPosition !== undefined) return current;
    throw await this.notLive(name, current.status, current.position);
  }

  private async waitFor(name: string, minPosition: string): Promise<void> {
    if (!/^\d{1,15}$/.test(minPosition)) {
      throw validationProblem([
        {
          field: 'minPosition',
          rule: 'non-negative-integer',
          message: 'minPosition must be a global position (an integer ≥ 0)',
        },
      ]);
    }
    const position = Number(minPosition);
    const head = await this.store.headPosition();
    if (position > head) {
      throw validationProblem([
        {
          field: 'minPosition',
          rule: 'beyond-head',
          message: `minPosition ${position} is beyond the store's last position (${head})`,
        },
      ]);
    }
    if (this.runner.current(name).status === 'failed') throw this.failed(name);
    const reached = await this.runner.waitFor(name, position, this.config.READ_YOUR_WRITES_TIMEOUT_MS);
    if (!reached) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'read-model-behind',
        'Read model not caught up',
        `Read model ${name} has not reached position ${position} within ${this.config.READ_YOUR_WRITES_TIMEOUT_MS} ms; retry shortly`,
        { readModel: name, position: this.runner.current(name).position },
        { 'retry-after': '1' },
      );
    }
  }

  private async notLive(name: string, status: ProjectionStatus, position: number): Promise<ProblemException> {
    const headPosition = await this.store.headPosition().catch(() => null);
    const where = headPosition === null ? `position ${position}` : `position ${position} of ${headPosition}`;
    const [slug, title, detail, retryAfter] =
      status === 'stopped'
        ? [
            'read-model-stopped',
            'Read model not running',
            `is not being kept up to date (stopped at ${where})`,
            5,
          ]
        : ['read-model-catching-up', 'Read model catching up', `is catching up with the log (${where})`, 1];
    return new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      slug,
      title,
      `Read model ${name} ${detail}; it answers once it is live: retry after ${retryAfter} s`,
      { readModel: name, readModelStatus: status, position, headPosition },
      { 'retry-after': String(retryAfter) },
    );
  }

  private failed(name: string): ProblemException {
    const health = this.runner.health().find((h) => h.name === name);
    return new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'read-model-failed',
      'Read model stopped',
      `Read model ${name} stopped on an event it could not fold; it needs a fix and a rebuild`,
      { readModel: name, failure: health?.failure ?? null },
      { 'retry-after': '60' },
    );
  }
}
