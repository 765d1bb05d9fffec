import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../openapi/api-docs';
import { ProblemException } from '../../http/problem';
import { ProjectionRunner } from './projection-runner';

/** Operating the read models of the running service. */
@ApiTags('admin')
@Controller('v1/admin/read-models')
export class ReadModelsController {
  constructor(private readonly runner: ProjectionRunner) {}

  @Get()
  @ApiOperation({
    summary: 'Every read model with its version, status, position and failure (if it stopped)',
  })
  list() {
    return { items: this.runner.health() };
  }

  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Fold a read model again from the start (the others stay live); follow progress on GET /v1/admin/read-models',
  })
  @ApiResponse({ status: 202, description: 'The rebuild has started' })
  @ApiProblems({ 404: 'No read model with that name' })
  rebuild(@Param('name') name: string) {
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
