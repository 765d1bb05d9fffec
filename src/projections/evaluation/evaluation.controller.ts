import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../../shared/clock';
import { validateQuery } from '../../shared/validation/validate-query';
import { reportingDate } from '../../shared/bounds';
import { ReadModelReader } from '../http/read-model-reader';
import { ProblemException, validationProblem } from '../../shared/problem';
import { paginate, ReadModelQuery } from '../http/read-model-query';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { ProjectionRunner } from '../runner/projection-runner';
import { ALWAYS_EVENT_REGISTER } from './always-event-register.projection';
import { coProductionOverall, coProductionRows } from './co-production-report';
import { AlwaysEventQuery } from './always-event.query';
import { AlwaysEventRegisterQuery } from './always-event-register.query';
import { CoProductionQuery } from './co-production.query';
import { PdsaLearningQuery } from './pdsa-learning.query';
import { FunnelQuery } from './funnel.query';
import { ProgressScoresQuery } from './progress-scores.query';
import { FunnelPhases, funnelReport, funnelRows } from './funnel-report';
import { PDSA_LEARNING } from './pdsa-learning.projection';
import { cycleCsvRows, pdsaLearningOverall, pdsaLearningRows } from './pdsa-learning-report';
import { PdsaLearningState } from './pdsa-learning-state';
import { progressScoreRows, progressScoresReport } from './progress-scores-report';
import { filterRegister, registerRow, registerRows } from './register-rows';
import { RegisterState } from './register-state';
import { reportWindowsOf } from '../spread/reporting-windows';
import { participationKey, SpreadState } from '../spread/spread-state';
import type {
  AlwaysEventRegisterResponse,
  AlwaysEventResponse,
  CoProductionResponse,
  FunnelResponse,
  PdsaLearningResponse,
  ProgressScoresResponse,
} from '../../openapi/responses/response-types';

@ApiTags('evaluation (evaluators)')
@Controller('v1/evaluation')
export class EvaluationController {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly runner: ProjectionRunner,
    private readonly clock: Clock,
  ) {}

  private async view<State>(name: string, query: ReadModelQuery) {
    const view = await this.reader.read<State>(name, query);
    return { view, date: reportingDate(view.bounds, this.clock.now()) };
  }

  @Get('always-events')
  @ApiOperation({
    summary:
      'The Always Event register: organisation, unit and setting, vision and aim, state, team, measures with their latest values, units, lineage, key dates, latest progress score',
  })
  @ApiQueryFrom(AlwaysEventRegisterQuery)
  async register(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(AlwaysEventRegisterQuery, raw);
    const { view, date } = await this.view<RegisterState>(ALWAYS_EVENT_REGISTER, query);
    const rows = filterRegister(registerRows(view.state), query);
    const body: AlwaysEventRegisterResponse = { date, ...paginate(rows, query), knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('always-events/:alwaysEventId')
  @ApiOperation({
    summary: 'One Always Event of the register (404 if it was not initiated within the bounds)',
  })
  @ApiQueryFrom(AlwaysEventQuery)
  @ApiReadModelOk('The register row of the Always Event')
  @ApiProblems({ 404: 'No Always Event with that id within the bounds' })
  async alwaysEvent(
    @Param('alwaysEventId') alwaysEventId: string,
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!isUUID(alwaysEventId)) {
      throw validationProblem([
        { field: 'alwaysEventId', rule: 'is-uuid', message: 'alwaysEventId must be a UUID' },
      ]);
    }
    const query = await validateQuery(AlwaysEventQuery, raw);
    const { view, date } = await this.view<RegisterState>(ALWAYS_EVENT_REGISTER, query);
    const entry = view.state.alwaysEvents[alwaysEventId];
    const row = entry && registerRow(view.state, entry);
    if (!row) {
      const existsNow =
        this.runner.current<RegisterState>(ALWAYS_EVENT_REGISTER).state.alwaysEvents[alwaysEventId];
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'always-event-not-found',
        'Always Event not found',
        existsNow
          ? `Always Event ${alwaysEventId} had not been initiated within these bounds`
          : `No Always Event ${alwaysEventId}`,
      );
    }
    const body: AlwaysEventResponse = { date, ...row, knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => [b]);
  }

  @Get('funnel')
  @ApiOperation({
    summary:
      "Enrolment → statement → first PDSA started → implementing → aim achieved → sustained: counts, conversion, median days and Kaplan–Meier cumulative % from enrolment, overall and by cohort, to the programme's reporting window",
  })
  @ApiQueryFrom(FunnelQuery)
  async funnel(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(FunnelQuery, raw);
    // Programme windows live in the spread model; read at the same bounds as the register.
    const [{ view, date }, spread] = await Promise.all([
      this.view<RegisterState>(ALWAYS_EVENT_REGISTER, query),
      this.reader.read<SpreadState>('spread', query),
    ]);
    const apply = query.window !== 'none';
    // Each programme's windows once: its own (`.window`) follows every organisation, its phases' each phase's.
    const byProgramme = Object.fromEntries(
      Object.keys(spread.state.programmes).map((slug) => [slug, reportWindowsOf(spread.state, slug, apply)]),
    );
    const windows = Object.fromEntries(Object.entries(byProgramme).map(([slug, w]) => [slug, w.window]));
    const phases: FunnelPhases = {
      phaseOf: (slug, odsCode) =>
        spread.state.participations[participationKey(slug, odsCode)]?.phaseId ?? null,
      windows: byProgramme,
    };
    const body: FunnelResponse = {
      ...funnelReport(view.state, date, query.programme, windows, phases),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, funnelRows);
  }

  @Get('pdsa-learning')
  @ApiOperation({
    summary:
      'PDSA learning log: chains per change idea with predictions against outcomes and decisions, decision mix, cycles per 30 days of testing',
  })
  @ApiQueryFrom(PdsaLearningQuery)
  async pdsaLearning(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(PdsaLearningQuery, raw);
    const { view, date } = await this.view<PdsaLearningState>(PDSA_LEARNING, query);
    const rows = pdsaLearningRows(view.state, date, query);
    const body: PdsaLearningResponse = {
      date,
      overall: pdsaLearningOverall(rows),
      ...paginate(rows, query),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => cycleCsvRows(b.items));
  }

  @Get('co-production')
  @ApiOperation({
    summary:
      'Co-production index: patient/carer share of the team at agreement, co-designed change ideas, listening reach; per Always Event and overall',
  })
  @ApiQueryFrom(CoProductionQuery)
  async coProduction(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(CoProductionQuery, raw);
    const { view, date } = await this.view<RegisterState>(ALWAYS_EVENT_REGISTER, query);
    const rows = coProductionRows(view.state, query);
    const body: CoProductionResponse = {
      date,
      overall: coProductionOverall(rows),
      ...paginate(rows, query),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('progress-scores')
  @ApiOperation({
    summary:
      "Monthly distribution of IHI progress scores across Always Events, with counts at ≥ 3.0 and ≥ 4.0, overall and by cohort, and each Always Event's own scores; for the programme, one organisation or one Always Event",
  })
  @ApiQueryFrom(ProgressScoresQuery)
  async progressScores(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(ProgressScoresQuery, raw);
    const { view, date } = await this.view<RegisterState>(ALWAYS_EVENT_REGISTER, query);
    const { programme, organisation, alwaysEvent } = query;
    const report = progressScoresReport(view.state, date, { programme, organisation, alwaysEvent });
    const body: ProgressScoresResponse = { ...report, knowledge: knowledge(view) };
    return respond(request, reply, body, progressScoreRows);
  }
}
