import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { unauthorised } from '../../auth/auth-problems';
import { commandOrigin } from '../../commands/command-gateway';
import { httpSubmission } from '../../commands/command-origin';
import { validateDto } from '../../shared/validation/validate-dto';
import { ApiProblems } from '../../http/api-docs';
import { RedactEventFieldsDto } from './redaction.dto';
import { RedactionService } from './redaction.service';

@ApiTags('data protection (programme admin)')
@Controller('v1/admin/redactions')
export class RedactionController {
  constructor(private readonly redactions: RedactionService) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Remove text that should never have been written (patient data) from fields of one stored event; audited (EventFieldsRedacted)',
    description:
      'SQLite: rewritten in place. EventStoreDB: the stream is copied with the fields corrected and truncated; run a scavenge next. ' +
      'The answer lists what is left behind. See docs/governance/erasure-and-redaction.md.',
  })
  @ApiBody({ type: RedactEventFieldsDto })
  @ApiProblems({
    400: 'The body is invalid: `errors` names the field',
    404: 'No such event in the stream',
    409: 'A field was already redacted, or this redactionId is already recorded',
    422: 'A field is not in the event, or is not text',
  })
  async redact(@Body() body: unknown, @Req() request: FastifyRequest) {
    const principal = request.principal;
    if (!principal) throw unauthorised(request.authFailure);
    const dto = await validateDto(RedactEventFieldsDto, body);
    return this.redactions.redact(dto, commandOrigin(principal, httpSubmission(request, principal)));
  }
}
