import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../../shared/clock';
import { validateQuery } from '../../shared/validation/validate-query';
import { reportingDate } from '../../shared/bounds';
import { ReadModelReader, ReadModelView } from '../http/read-model-reader';
import { ProblemException } from '../../shared/problem';
import { paginate } from '../http/read-model-query';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { ProjectionRunner } from '../runner/projection-runner';
import {
  complianceTotals,
  Included,
  returnCompliance,
  spreadBreakdown,
  spreadSummary,
  spreadTimeline,
} from './spread-reports';
import {
  periodOf,
  PhaseWindow,
  reportEnd,
  ReportingWindow,
  reportWindowsOf,
  ReportWindows,
} from './reporting-windows';
import { scaleUpUnits, spreadLineage } from './spread-scale-up';
import { programmeCohorts } from './programme-cohorts';
import { BreakdownQuery } from './breakdown.query';
import { SpreadListQuery } from './spread-list.query';
import { SpreadPhaseQuery } from './spread-phase.query';
import { DEFAULT_PROGRAMME, SpreadQuery } from './spread.query';
import { SpreadState } from './spread-state';
import type {
  ReturnComplianceResponse,
  ScaleUpUnitsResponse,
  SpreadBreakdownResponse,
  SpreadCohortsResponse,
  SpreadLineageResponse,
  SpreadSummaryResponse,
  SpreadTimelineResponse,
} from '../../openapi/responses/response-types';

@ApiTags('spread (analysts)')
@Controller('v1/spread')
export class SpreadController {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly runner: ProjectionRunner,
    private readonly clock: Clock,
  ) {}

  private async view(query: SpreadQuery | SpreadListQuery): Promise<{
    view: ReadModelView<SpreadState>;
    programme: string;
    date: string;
    end: string;
    window: ReportingWindow;
    windows: ReportWindows;
  }> {
    const programme = query.programme ?? DEFAULT_PROGRAMME;
    const view = await this.reader.read<SpreadState>('spread', query);
    // A typo in the slug is an error; a programme that had not begun by asOf is zeros.
    if (
      !this.runner.current<SpreadState>('spread').state.programmes[programme] &&
      !view.state.programmes[programme]
    ) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'programme-not-found',
        'Programme not found',
        `No programme ${programme}`,
      );
    }
    const date = reportingDate(view.bounds, this.clock.now());
    const windows = reportWindowsOf(view.state, programme, query.window !== 'none');
    const { window } = windows;
    return { view, programme, date, end: reportEnd(date, window), window, windows };
  }

  /**
   * With `phase`: that phase's window and where its figures end (its window,
   * else the programme's, or the date), and which participations count.
   */
  private phaseScope(
    scope: { programme: string; date: string; end: string; windows: ReportWindows },
    phase: string | undefined,
  ): { to: string; include?: Included; phaseWindow?: PhaseWindow } {
    if (phase === undefined) return { to: scope.end };
    const phaseWindow = scope.windows.phases.find((w) => w.phaseId === phase);
    if (!phaseWindow) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'phase-not-found',
        'Phase not found',
        `Programme ${scope.programme} has no phase ${phase} at these bounds`,
      );
    }
    const to = periodOf(scope.windows, phase, scope.date).to;
    return { to, include: (p) => p.phaseId === phase, phaseWindow };
  }

  @Get('summary')
  @ApiOperation({
    summary:
      "Organisations enrolled (with senior support) on a date against the target and deadline, and the share of NHS trusts open that day; with phase, that phase's enrolments at the end of its reporting window",
  })
  @ApiQueryFrom(SpreadPhaseQuery)
  @ApiReadModelOk('The figures, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug, or no such phase in it' })
  async summary(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(SpreadPhaseQuery, raw);
    const scope = await this.view(query);
    const { to, include, phaseWindow } = this.phaseScope(scope, query.phase);
    const body: SpreadSummaryResponse = {
      ...spreadSummary(scope.view.state, scope.programme, to, include),
      window: scope.window,
      ...(phaseWindow ? { phase: query.phase, phaseWindow } : {}),
      knowledge: knowledge(scope.view),
    };
    return respond(request, reply, body, (b) => [b]);
  }

  @Get('timeline')
  @ApiOperation({
    summary:
      "Month by month from the first enrolment to the date: enrolled, with senior support, share of NHS trusts; with phase, that phase's enrolments to its reporting window",
  })
  @ApiQueryFrom(SpreadPhaseQuery)
  @ApiReadModelOk('The figures, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug, or no such phase in it' })
  async timeline(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(SpreadPhaseQuery, raw);
    const scope = await this.view(query);
    const { to, include, phaseWindow } = this.phaseScope(scope, query.phase);
    const body: SpreadTimelineResponse = {
      programme: scope.programme,
      date: to,
      window: scope.window,
      ...(phaseWindow ? { phase: query.phase, phaseWindow } : {}),
      items: spreadTimeline(scope.view.state, scope.programme, to, include),
      knowledge: knowledge(scope.view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('breakdown')
  @ApiOperation({
    summary:
      "Enrolments on the date by region, organisationType, cohort, phase or setting; by phase, each phase's on the last day of its reporting window",
  })
  @ApiQueryFrom(BreakdownQuery)
  @ApiReadModelOk('The figures, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug' })
  async breakdown(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(BreakdownQuery, raw);
    const { view, programme, end, window, windows } = await this.view(query);
    const body: SpreadBreakdownResponse = {
      programme,
      date: end,
      window,
      ...(query.by === 'phase' ? { phaseWindows: windows.phases } : {}),
      by: query.by,
      items: spreadBreakdown(view.state, programme, end, query.by, windows),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('cohorts')
  @ApiOperation({
    summary:
      "The programme's cohorts as recorded at the bounds (scheduled, launched, closed), whether or not anyone is enrolled in them",
  })
  @ApiQueryFrom(SpreadQuery)
  @ApiReadModelOk('The cohorts, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug' })
  async cohorts(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { view, programme, date } = await this.view(await validateQuery(SpreadQuery, raw));
    const body: SpreadCohortsResponse = {
      programme,
      date,
      items: programmeCohorts(view.state, programme),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('scale-up-units')
  @ApiOperation({
    summary: 'Scale-up units live on the date (gone live, not stopped), planned and stopped, by setting',
  })
  @ApiQueryFrom(SpreadQuery)
  @ApiReadModelOk('The figures, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug' })
  async scaleUpUnits(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { view, programme, date } = await this.view(await validateQuery(SpreadQuery, raw));
    const items = scaleUpUnits(view.state, programme, date);
    const body: ScaleUpUnitsResponse = {
      programme,
      date,
      unitsLive: items.reduce((n, r) => n + r.unitsLive, 0),
      items,
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('lineage')
  @ApiOperation({
    summary: 'Spread lineage: which Always Event was adopted from which (spread or scale-up), and its depth',
  })
  @ApiQueryFrom(SpreadListQuery)
  @ApiReadModelOk('The figures, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug' })
  async lineage(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(SpreadListQuery, raw);
    const { view, programme, date } = await this.view(query);
    const rows = spreadLineage(view.state, programme, date);
    const body: SpreadLineageResponse = {
      programme,
      date,
      maxDepth: Math.max(0, ...rows.map((r) => r.depth)),
      ...paginate(rows, query),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('return-compliance')
  @ApiOperation({
    summary:
      "Monthly returns expected, on time, late and missing per enrolled organisation, within its phase's reporting window",
  })
  @ApiQueryFrom(SpreadListQuery)
  @ApiReadModelOk('The figures, with the bounds and log position they reflect')
  @ApiProblems({ 404: 'No programme with that slug' })
  async returnCompliance(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(SpreadListQuery, raw);
    const { view, programme, date, window, windows } = await this.view(query);
    const rows = returnCompliance(view.state, programme, date, windows);
    const body: ReturnComplianceResponse = {
      programme,
      date,
      window,
      phaseWindows: windows.phases,
      totals: complianceTotals(rows),
      ...paginate(rows, query),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }
}
