import { Body, Controller, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem';
import { CatalogueService } from './catalogue.service';
import { commandOrigin } from './command-origin';
import { CommandResult, ExecuteCommand } from './execute-command';
import { validateCommand } from './validation/validate-command';

/**
 * The one command gateway: POST /v1/commands/{CommandName}. Each command's
 * OpenAPI entry is generated from its definition (see openapi/), so this
 * route itself is hidden from the document.
 */
@Controller('v1/commands')
export class CommandsController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly commandBus: CommandBus,
  ) {}

  @Post(':name')
  @ApiExcludeEndpoint()
  async execute(
    @Param('name') name: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const definition = this.catalogue.command(name);
    if (!definition) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'unknown-command',
        'Unknown command',
        `There is no command named ${name}`,
      );
    }
    const dto = await validateCommand(definition, body);
    const origin = commandOrigin(request, dto.commandId);
    const result = await this.commandBus.execute<ExecuteCommand, CommandResult>(
      new ExecuteCommand(definition, dto, origin),
    );
    void reply
      .status(result.replayed ? HttpStatus.OK : HttpStatus.CREATED)
      .header('etag', `"${result.revision}"`);
    return result;
  }
}
