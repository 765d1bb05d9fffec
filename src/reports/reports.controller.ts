import { Controller, Get, HttpStatus, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateDto } from '../shared/validation/validate-dto';
import { parseBounds } from '../projections/http/read-model-reader';
import { ProblemException } from '../shared/problem';
import { ApiProblems, ApiQueryFrom } from '../http/api-docs';
import type { ProgrammeReportResponse } from '../openapi/responses/response-types';
import { ReadModelQuery } from '../projections/http/read-model-query';
import { DEFAULT_PROGRAMME } from '../projections/spread/spread.query';
import { simpleChartRenderer } from './chart-renderer';
import { programmePdf } from './programme-pdf';
import { ProgrammeReportService } from './programme-report';
import { programmeXlsx } from './programme-xlsx';
import { ProgrammeReportQuery } from './programme-report.query';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports (programme team)')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ProgrammeReportService) {}

  @Get('programme')
  @ApiOperation({
    summary:
      'The board pack for bounds: PDF (A4, selectable text, vector charts) or XLSX (format=xlsx or Accept), or its figures as JSON; states the data cut and checksum it was built from',
  })
  @ApiQueryFrom(ProgrammeReportQuery)
  @ApiResponse({
    status: 200,
    description: 'The board pack as PDF (default) or XLSX, or its figures as JSON (format=json)',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems({ 404: 'No data cut with that id' })
  async programme(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateDto(ProgrammeReportQuery, raw);
    let readQuery: ReadModelQuery = query;
    if (query.dataCutId) {
      const cut = await this.reports.dataCut(query.dataCutId);
      if (!cut)
        throw new ProblemException(
          HttpStatus.NOT_FOUND,
          'data-cut-not-found',
          'Data cut not found',
          `No data cut ${query.dataCutId}`,
        );
      readQuery = { asOf: cut.asOf, asKnownAt: cut.asKnownAt };
    }
    const accept = request.headers.accept ?? '';
    const format =
      query.format ?? (accept.includes(XLSX) ? 'xlsx' : accept.includes('application/json') ? 'json' : 'pdf');
    const programme = query.programme ?? DEFAULT_PROGRAMME;
    const { report, images } = await this.reports.build({
      programme,
      query: readQuery,
      bounds: parseBounds(readQuery),
      dataCutId: query.dataCutId ?? null,
      alwaysEventIds: query.alwaysEvents ? query.alwaysEvents.split(',') : null,
      by: request.principal?.id ?? 'unknown',
    });
    if (format === 'json') return report satisfies ProgrammeReportResponse;
    const name = `${programme}-board-pack-${report.date}`;
    if (format === 'xlsx') {
      void reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${name}.xlsx"`);
      return programmeXlsx(report);
    }
    void reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}.pdf"`);
    return programmePdf(report, simpleChartRenderer, images);
  }
}
