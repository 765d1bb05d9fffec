import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateQuery } from '../../shared/validation/validate-query';
import { ReadModelReader } from '../http/read-model-reader';
import { ProblemException, validationProblem } from '../../shared/problem';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { renderSpcChartSvg, svgToPng } from '../../chart-images';
import { measureChart, MeasureChartOutcome, MeasureChartRequest, measureChartRequest } from './measure-chart';
import { MeasureChartQuery } from './measure-chart.query';
import { recalculationProposals } from './recalculation-proposals';
import { MeasuresState } from './measures.projection';
import type {
  MeasureChartResponse,
  RecalculationProposalsResponse,
} from '../../openapi/responses/response-types';

@ApiTags('measures')
@Controller('v1/measures')
export class MeasuresController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get(':measureId/chart')
  @ApiOperation({
    summary:
      "A measure's run or SPC chart for one unit under a rule profile (mdc, mdc-sql, ptd, ihi, qic): corrections applied, retractions removed, definition revisions as phases, PDSA starts and annotations on their periods",
  })
  @ApiQueryFrom(MeasureChartQuery)
  @ApiReadModelOk('The chart, its signals and every parameter used')
  @ApiProblems({ 404: 'No measure with that id within the bounds' })
  async chart(
    @Param('measureId') measureId: string,
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = await this.chartBody(measureId, raw);
    return respond(request, reply, body, (b) => b.chart?.points ?? []);
  }

  @Get(':measureId/chart.svg')
  @ApiOperation({
    summary:
      "The same chart as an SVG image in Making Data Count's style (every point coloured by variation, mean and process limits, target, the icons, phase breaks and notes labelled), for reports",
  })
  @ApiQueryFrom(MeasureChartQuery)
  @ApiResponse({
    status: 200,
    description: 'The chart',
    content: { 'image/svg+xml': { schema: { type: 'string' } } },
  })
  @ApiProblems({ 404: 'No measure with that id within the bounds' })
  async chartSvg(
    @Param('measureId') measureId: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = await this.chartBody(measureId, raw);
    void reply.header('content-type', 'image/svg+xml; charset=utf-8');
    return renderSpcChartSvg(body);
  }

  @Get(':measureId/chart.png')
  @ApiOperation({ summary: 'The same chart as a PNG image (twice the SVG size), for reports' })
  @ApiQueryFrom(MeasureChartQuery)
  @ApiResponse({
    status: 200,
    description: 'The chart',
    content: { 'image/png': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems({ 404: 'No measure with that id within the bounds' })
  async chartPng(
    @Param('measureId') measureId: string,
    @Query() raw: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = await this.chartBody(measureId, raw);
    void reply.header('content-type', 'image/png');
    return svgToPng(renderSpcChartSvg(body));
  }

  @Get(':measureId/recalculation-proposals')
  @ApiOperation({
    summary:
      "Where the profile's rules see a sustained shift, so the limits could be recalculated (Making Data Count's advice): proposals only, nothing is applied; record one with RecalculateLimits and its reason",
  })
  @ApiQueryFrom(MeasureChartQuery)
  @ApiReadModelOk('The rule applied and each proposed recalculation (period, side, run length)')
  @ApiProblems({ 404: 'No measure with that id within the bounds' })
  async proposals(
    @Param('measureId') measureId: string,
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(MeasureChartQuery, raw);
    const view = await this.reader.read<MeasuresState>('measures', query);
    const built = measureChartRequest(view.state, measureId, this.options(query));
    const body: RecalculationProposalsResponse = {
      ...recalculationProposals(measureId, query.profile ?? 'mdc', chartRequest(built, measureId)),
      knowledge: knowledge(view),
    };
    return respond(request, reply, body, (b) => b.proposals);
  }

  private options(query: MeasureChartQuery) {
    return { profile: query.profile ?? 'mdc', chart: query.chart, unitId: query.unit };
  }

  private async chartBody(measureId: string, raw: Record<string, unknown>) {
    const query = await validateQuery(MeasureChartQuery, raw);
    const view = await this.reader.read<MeasuresState>('measures', query);
    const outcome = measureChart(view.state, measureId, this.options(query));
    const body: MeasureChartResponse = {
      ...chartOf(outcome, measureId),
      knowledge: { position: view.position, source: view.source, status: view.status },
    };
    return { body };
  }
}

/** The chart, or the problem that says why there is none. */
function chartOf(outcome: MeasureChartOutcome, measureId: string) {
  if (outcome.kind === 'chart') return outcome.body;
  throw problemOf(outcome, measureId);
}

function chartRequest(built: MeasureChartRequest, measureId: string) {
  if (built.kind === 'request') return built;
  throw problemOf(built, measureId);
}

function problemOf(
  outcome: { kind: 'not-found' } | { kind: 'unit-required' | 'unknown-unit'; units: string[] },
  measureId: string,
) {
  switch (outcome.kind) {
    case 'not-found':
      return new ProblemException(
        HttpStatus.NOT_FOUND,
        'measure-not-found',
        'Measure not found',
        `No measure ${measureId} at these bounds`,
      );
    case 'unit-required':
      return validationProblem([
        {
          field: 'unit',
          rule: 'required',
          message: `The measure has several units: ${outcome.units.join(', ')}`,
        },
      ]);
    case 'unknown-unit':
      return validationProblem([
        { field: 'unit', rule: 'is-in', message: `unit must be one of: ${outcome.units.join(', ')}` },
      ]);
  }
}
