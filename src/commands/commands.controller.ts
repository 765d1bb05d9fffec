import { Body, Controller, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { unauthorised } from '../auth/auth-problems';
import '../auth/principal';
import { CommandGateway } from './command-gateway';
import { httpSubmission } from './command-origin';
import { CommandResult } from './execute-command';

/**
 * POST /v1/commands/{CommandName}: reads the HTTP envelope (principal,
 * headers) and hands the command to the gateway, which does everything else.
 * Each command's OpenAPI entry is generated from its definition (see
 * openapi/), so this route itself is hidden from the document.
 */
@Controller('v1/commands')
export class CommandsController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post(':name')
  @ApiExcludeEndpoint()
  async execute(
    @Param('name') name: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    // The authorisation guard lets no command through without one; this keeps an unwired route from writing anonymously.
    const principal = request.principal;
    if (!principal) throw unauthorised(request.authFailure);
    const result = await this.gateway.submit(principal, name, body, httpSubmission(request, principal));
    void reply
      .status(result.replayed ? HttpStatus.OK : HttpStatus.CREATED)
      .header('etag', `"${result.revision}"`);
    return result;
  }
}
