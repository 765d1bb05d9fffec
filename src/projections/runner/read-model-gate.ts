import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { ProblemException, validationProblem } from '../../http/problem';
import { ProjectionRunner } from './projection-runner';

/**
 * What every read-model query goes through: read-your-writes (`minPosition`,
 * bounded wait, then 503 + Retry-After) and refusal to serve a model that
 * stopped on a failing event.
 */
@Injectable()
export class ReadModelGate {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly config: AppConfig,
  ) {}

  async current<State>(name: string, minPosition?: string): Promise<{ state: State; position: number }> {
    if (minPosition !== undefined) await this.waitFor(name, minPosition);
    const current = this.runner.current<State>(name);
    if (current.status === 'failed') throw this.failed(name);
    return current;
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
