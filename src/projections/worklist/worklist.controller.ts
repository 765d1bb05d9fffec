import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../../shared/clock';
import { validateDto } from '../../shared/validation/validate-dto';
import { reportingDate } from '../../shared/bounds';
import { ReadModelReader } from '../http/read-model-reader';
import { ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { WorklistResponse } from '../../openapi/responses/response-types';
import { cursorPage, matchesSearch } from '../http/cursor-page';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { DEFAULT_PROGRAMME } from '../spread/spread.query';
import { SpreadState } from '../spread/spread-state';
import { programmeWorklist, WORKLIST_RULES, WorklistRule } from './worklist-report';
import { WorklistState } from './worklist.projection';
import { WorklistQuery } from './worklist.query';

@ApiTags('worklist (programme team)')
@Controller('v1/worklist')
export class WorklistController {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'What needs chasing on a date: overdue returns, vacant sponsors, quiet PDSA chains, statements awaiting agreement, aims without a sustainment plan; each with its rule and since when',
  })
  @ApiQueryFrom(WorklistQuery)
  @ApiReadModelOk('One page of worklist items, the thresholds in force, and the bounds they reflect')
  async list(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateDto(WorklistQuery, raw);
    const programme = query.programme ?? DEFAULT_PROGRAMME;
    const [worklist, spread] = await Promise.all([
      this.reader.read<WorklistState>('worklist', query),
      this.reader.read<SpreadState>('spread', query),
    ]);
    const date = reportingDate(worklist.bounds, this.clock.now());
    const { window, thresholds, items } = programmeWorklist(
      { worklist: worklist.state, spread: spread.state },
      programme,
      date,
      query.window !== 'none',
    );
    const rows = items.filter(
      (i) =>
        (query.rule === undefined || i.rule === query.rule) &&
        matchesSearch(query.q, i.organisation, i.odsCode),
    );
    const counts = Object.fromEntries(
      WORKLIST_RULES.map((rule) => [rule, items.filter((i) => i.rule === rule).length]),
    ) as Record<WorklistRule, number>;
    const page = cursorPage(
      rows,
      query,
      { since: (r) => r.since, organisation: (r) => r.organisation, rule: (r) => r.rule },
      (r) => r.itemId,
      'since',
    );
    const body: WorklistResponse = {
      programme,
      date,
      window,
      thresholds,
      counts,
      ...page,
      knowledge: knowledge(worklist),
    };
    return respond(request, reply, body, (b) => b.items);
  }
}
