import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateDto } from '../../shared/validation/validate-dto';
import { ReadModelReader } from '../http/read-model-reader';
import { ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { AlwaysEventListRow, AlwaysEventsResponse } from '../../openapi/responses/response-types';
import { ALWAYS_EVENT_REGISTER } from '../evaluation/always-event-register.projection';
import { registerRows } from '../evaluation/register-rows';
import { RegisterState } from '../evaluation/register-state';
import { cursorPage, matchesSearch } from '../http/cursor-page';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { AlwaysEventListQuery } from './always-event-list.query';

@ApiTags('organisations (programme team)')
@Controller('v1/always-events')
export class AlwaysEventsController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get()
  @ApiOperation({
    summary:
      'Always Events, short rows: filter by organisation, region, state, setting; search vision, theme, organisation; sort; cursor pages; CSV too',
  })
  @ApiQueryFrom(AlwaysEventListQuery)
  @ApiReadModelOk('One page of Always Events')
  async list(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateDto(AlwaysEventListQuery, raw);
    const view = await this.reader.read<RegisterState>(ALWAYS_EVENT_REGISTER, query);
    const rows = registerRows(view.state)
      .filter(
        (r) =>
          (query.odsCode === undefined || r.organisation.odsCode === query.odsCode) &&
          (query.state === undefined || r.state === query.state) &&
          (query.setting === undefined || r.homeUnit.setting === query.setting) &&
          (query.region === undefined || r.organisation.regionCode === query.region) &&
          matchesSearch(
            query.q,
            r.statement?.visionStatement,
            r.theme,
            r.organisation.name,
            r.organisation.odsCode,
          ),
      )
      .map((r): AlwaysEventListRow => ({
        alwaysEventId: r.alwaysEventId,
        odsCode: r.organisation.odsCode,
        organisation: r.organisation.name,
        region: r.organisation.region,
        unit: r.homeUnit.name,
        setting: r.homeUnit.setting,
        state: r.state,
        vision: r.statement?.visionStatement ?? null,
        theme: r.theme,
        initiatedOn: r.keyDates.initiated ?? null,
        statementAgreedOn: r.keyDates.statementAgreed ?? null,
        latestProgressScore: r.latestProgressScore?.score ?? null,
        measures: r.measures.length,
      }));
    const page = cursorPage(
      rows,
      query,
      {
        organisation: (r) => r.organisation,
        state: (r) => r.state,
        initiatedOn: (r) => r.initiatedOn,
        statementAgreedOn: (r) => r.statementAgreedOn,
        progressScore: (r) => r.latestProgressScore,
      },
      (r) => r.alwaysEventId,
      'organisation',
    );
    const body: AlwaysEventsResponse = { ...page, knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }
}
