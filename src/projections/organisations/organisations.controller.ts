import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../../shared/clock';
import { validateDto } from '../../shared/validation/validate-dto';
import { reportingDate } from '../../shared/bounds';
import { ReadModelReader } from '../http/read-model-reader';
import { ProblemException, validationProblem } from '../../shared/problem';
import { ApiProblems, ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { OrganisationPageResponse, OrganisationsResponse } from '../../openapi/responses/response-types';
import { ALWAYS_EVENT_REGISTER } from '../evaluation/always-event-register.projection';
import { registerRows } from '../evaluation/register-rows';
import { RegisterState } from '../evaluation/register-state';
import { cursorPage, matchesSearch } from '../http/cursor-page';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { returnCompliance } from '../spread/spread-reports';
import { reportWindowsOf } from '../spread/reporting-windows';
import { DEFAULT_PROGRAMME } from '../spread/spread.query';
import { participationKey, SpreadState } from '../spread/spread-state';
import { ORGANISATION_SORTS, organisationRows } from './organisation-rows';
import { OrganisationsState } from './organisations.projection';
import { OrganisationPageQuery } from './organisation-page.query';
import { OrganisationsQuery } from './organisations.query';

const ODS = /^[A-Z0-9]{3,10}$/;

@ApiTags('organisations (programme team)')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Organisations: filter by region, type, enrolment status, cohort; search name or ODS code (q); sort; cursor pages; CSV too',
  })
  @ApiQueryFrom(OrganisationsQuery)
  @ApiReadModelOk('One page of organisations, with the bounds and log position they reflect')
  async list(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateDto(OrganisationsQuery, raw);
    const view = await this.reader.read<SpreadState>('spread', query);
    const date = reportingDate(view.bounds, this.clock.now());
    const programme = query.programme ?? DEFAULT_PROGRAMME;
    const rows = organisationRows(view.state, programme, date).filter(
      (r) =>
        (query.region === undefined || r.regionCode === query.region) &&
        (query.type === undefined || r.type === query.type) &&
        (query.status === undefined || r.status === query.status) &&
        (query.cohort === undefined || r.cohortId === query.cohort) &&
        (query.nhsTrust === undefined || r.isNhsTrust === query.nhsTrust) &&
        matchesSearch(query.q, r.name, r.odsCode),
    );
    const body: OrganisationsResponse = {
      programme,
      date,
      ...cursorPage(rows, query, ORGANISATION_SORTS, (r) => r.odsCode, 'name'),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get(':odsCode')
  @ApiOperation({
    summary:
      "One organisation's page: register facts and history, participation and sponsor history, Always Events with phase and latest progress score, return compliance, measures with their charts",
  })
  @ApiQueryFrom(OrganisationPageQuery)
  @ApiReadModelOk('The organisation, with the bounds and log position it reflects')
  @ApiProblems({ 404: 'No organisation with that ODS code' })
  async page(
    @Param('odsCode') odsCode: string,
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!ODS.test(odsCode)) {
      throw validationProblem([
        { field: 'odsCode', rule: 'ods-code', message: 'odsCode must be an ODS code, e.g. RYX' },
      ]);
    }
    const query = await validateDto(OrganisationPageQuery, raw);
    const programme = query.programme ?? DEFAULT_PROGRAMME;
    const [spread, profiles, register] = await Promise.all([
      this.reader.read<SpreadState>('spread', query),
      this.reader.read<OrganisationsState>('organisations', query),
      this.reader.read<RegisterState>(ALWAYS_EVENT_REGISTER, query),
    ]);
    const date = reportingDate(spread.bounds, this.clock.now());
    const registered = organisationRows(spread.state, programme, date).find((r) => r.odsCode === odsCode);
    const profile = profiles.state.organisations[odsCode];
    if (!registered && !profile) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'organisation-not-found',
        'Organisation not found',
        `No organisation ${odsCode}`,
      );
    }
    const windows = reportWindowsOf(spread.state, programme, query.window !== 'none');
    const compliance =
      returnCompliance(spread.state, programme, date, windows).find((r) => r.odsCode === odsCode) ?? null;
    const participation = profile?.participations[programme] ?? null;
    const facts = spread.state.participations[participationKey(programme, odsCode)];
    const returns = facts?.returns ?? {};
    const alwaysEvents = registerRows(register.state)
      .filter((r) => r.organisation.odsCode === odsCode && r.programmeSlug === programme)
      .map((r) => ({
        alwaysEventId: r.alwaysEventId,
        unit: r.homeUnit,
        vision: r.statement?.visionStatement ?? null,
        theme: r.theme,
        state: r.state,
        latestProgressScore: r.latestProgressScore,
        keyDates: r.keyDates,
        measures: r.measures.map((m) => ({ ...m, chart: `/v1/measures/${m.measureId}/chart` })),
      }));
    const body: OrganisationPageResponse = {
      programme,
      date,
      organisation: registered ?? { odsCode },
      history: profile?.history ?? [],
      participation: participation && { steps: participation.steps, sponsor: participation.sponsor },
      alwaysEvents,
      returns: {
        window: windows.window,
        phaseWindow: windows.phases.find((w) => w.phaseId === facts?.phaseId) ?? null,
        compliance,
        submitted: Object.entries(returns)
          .filter(([, on]) => on <= date)
          .map(([period, submittedOn]) => ({ period, submittedOn }))
          .sort((a, b) => a.period.localeCompare(b.period)),
      },
      knowledge: knowledge(spread),
    };
    return respond(request, reply, body, (b) => b.alwaysEvents);
  }
}
