import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/api-docs';
import { ProblemException } from '../../shared/problem';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { ProjectionRunner } from './projection-runner';
import { StateChecksums } from './state-checksums';
import type { ReadModelsResponse, RebuildStartedResponse } from '../../openapi/responses/response-types';

/** Operating the read models of the running service. */
@ApiTags('admin')
@Controller('v1/admin/read-models')
export class ReadModelsController {
  private readonly checksums = new StateChecksums();

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Every read model with its version, status, position, failure (if it stopped) and the SHA-256 of its live state's canonical JSON (equal across instances that have folded the same log; a data cut's checksums mask staff personal values, so they differ where a model holds any), next to the log's head position",
  })
  async list(): Promise<ReadModelsResponse> {
    const headPosition = await this.store.headPosition();
    // Each model as it stands at one position: the walk lets requests through but folds nothing meanwhile.
    const items = await this.runner.whileHeld(async () => {
      const listed = [];
      for (const model of this.runner.health()) {
        const { state, position, status } = this.runner.current(model.name);
        listed.push({ ...model, checksum: await this.checksums.of(state, position, status) });
      }
      return listed;
    });
    return { headPosition, items };
  }

  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Fold a read model again from the start (the others stay live); follow progress on GET /v1/admin/read-models',
  })
  @ApiResponse({ status: 202, description: 'The rebuild has started' })
  @ApiProblems({ 404: 'No read model with that name' })
  rebuild(@Param('name') name: string): RebuildStartedResponse {
    if (!this.runner.health().some((h) => h.name === name)) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'read-model-not-found',
        'Read model not found',
        `No read model named ${name}`,
      );
    }
    this.runner.rebuild(name);
    return { name, status: 'rebuilding' };
  }
}
