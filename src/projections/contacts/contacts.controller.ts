import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateDto } from '../../shared/validation/validate-dto';
import { ReadModelReader } from '../http/read-model-reader';
import { ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { ContactsResponse } from '../../openapi/responses/response-types';
import { knowledge } from '../http/knowledge';
import { paginate } from '../http/read-model-query';
import { respond } from '../http/respond';
import { ContactsState } from './contacts.projection';
import { ContactsQuery } from './contacts.query';

@ApiTags('participation contacts (programme team)')
@Controller('v1/participation')
export class ContactsController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get('contacts')
  @ApiOperation({
    summary:
      "Each participation's executive sponsor, local lead and oversight team, with names where given (`[erased]` after an erasure)",
  })
  @ApiQueryFrom(ContactsQuery)
  @ApiReadModelOk('The contacts, with the bounds and log position they reflect')
  async contacts(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateDto(ContactsQuery, raw);
    const view = await this.reader.read<ContactsState>('contacts', query);
    const rows = Object.values(view.state.participations)
      .filter(
        (p) =>
          (query.programme === undefined || p.programmeSlug === query.programme) &&
          (query.odsCode === undefined || p.odsCode === query.odsCode),
      )
      .sort((a, b) => `${a.programmeSlug}.${a.odsCode}`.localeCompare(`${b.programmeSlug}.${b.odsCode}`));
    const body: ContactsResponse = { ...paginate(rows, query), knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }
}
