import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateQuery } from '../../shared/validation/validate-query';
import { ReadModelReader } from '../http/read-model-reader';
import { ProblemException, validationProblem } from '../../shared/problem';
import { respond } from '../http/respond';
import { measureChart } from './measure-chart';
import { MeasureChartQuery } from './measure-chart.query';
import { MeasuresState } from './measures.projection';
import type { MeasureChartResponse } from '../../openapi/responses/response-types';

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
    const query = await validateQuery(MeasureChartQuery, raw);
    const view = await this.reader.read<MeasuresState>('measures', query);
    const outcome = measureChart(view.state, measureId, {
      profile: query.profile ?? 'mdc',
      chart: query.chart,
      unitId: query.unit,
    });
    switch (outcome.kind) {
      case 'not-found':
        throw new ProblemException(
          HttpStatus.NOT_FOUND,
          'measure-not-found',
          'Measure not found',
          `No measure ${measureId} at these bounds`,
        );
      case 'unit-required':
        throw validationProblem([
          {
            field: 'unit',
            rule: 'required',
            message: `The measure has several units: ${outcome.units.join(', ')}`,
          },
        ]);
      case 'unknown-unit':
        throw validationProblem([
          { field: 'unit', rule: 'is-in', message: `unit must be one of: ${outcome.units.join(', ')}` },
        ]);
      case 'chart': {
        const body: MeasureChartResponse = {
          ...outcome.body,
          knowledge: { position: view.position, source: view.source, status: view.status },
        };
        return respond(request, reply, body, (b) => b.chart?.points ?? []);
      }
    }
  }
}
