import { Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { unauthorised } from '../auth/auth-problems';
import '../auth/principal';
import { validateDto } from '../shared/validation/validate-dto';
import { AppConfig } from '../config/app-config';
import { ApiProblems, ApiQueryFrom } from '../http/api-docs';
import type { ImportReportResponse } from '../openapi/responses/response-types';
import { toCsv, wantsCsv } from '../projections/http/respond';
import { DEFAULT_PROGRAMME } from '../projections/spread/spread.query';
import { ImportEntry, ImportTotals, REPORT_COLUMNS } from './import-report';
import { csvTemplate, xlsxTemplate } from './import-template';
import { saveUpload } from './import-uploads';
import { CheckedFile, ImportService } from './import.service';
import { ImportQuery } from './import.query';
import { TemplateQuery } from './template.query';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const csvLine = (entry: ImportEntry): string =>
  toCsv([Object.fromEntries(REPORT_COLUMNS.map((c) => [c, entry[c] ?? '']))]).split('\n')[1] + '\n';

/** The report, streamed as the rows are imported: JSON (totals last) or CSV (one line per entry). */
async function* reportBody(
  file: CheckedFile,
  entries: AsyncGenerator<ImportEntry>,
  totals: ImportTotals,
  every: boolean,
  csv: boolean,
  finish: () => Promise<void>,
): AsyncGenerator<string> {
  try {
    if (csv) yield toCsv([Object.fromEntries(REPORT_COLUMNS.map((c) => [c, '']))]).split('\n')[0] + '\n';
    else {
      const head: Omit<ImportReportResponse, 'entries' | 'totals'> = {
        importId: file.importId,
        file: { format: file.format, sha256: file.sha256, bytes: file.bytes, rows: file.rows },
      };
      yield `${JSON.stringify(head).slice(0, -1)},"entries":[`;
    }
    let first = true;
    for await (const entry of entries) {
      if (!every && entry.outcome !== 'refused' && entry.outcome !== 'failed') continue;
      if (csv) yield csvLine(entry);
      else {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`;
        first = false;
      }
    }
    if (!csv) yield `\n],"totals":${JSON.stringify(totals)}}\n`;
  } finally {
    await finish();
  }
}

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Import monthly returns and measurements from a CSV or XLSX file (the body, or multipart field "file"); answers a per-row report',
  })
  @ApiQueryFrom(ImportQuery)
  @ApiResponse({
    status: 200,
    description:
      'The report, streamed as rows are imported: JSON (totals last) or CSV (Accept: text/csv, one line per entry)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblems({
    413: 'The file is too large or has too many rows: nothing was written',
    415: 'Neither CSV nor XLSX',
    422: 'The columns are not the template’s, or the workbook is refused (zip bomb, XML document type)',
  })
  async upload(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const principal = request.principal;
    if (!principal) throw unauthorised(request.authFailure);
    const query = await validateDto(ImportQuery, raw);
    const upload = await saveUpload(request, this.config.IMPORT_MAX_BYTES);
    let file: CheckedFile;
    try {
      file = await this.imports.check(upload.path, upload.bytes);
    } catch (error) {
      await upload.remove();
      throw error;
    }
    const totals: ImportTotals = { rows: 0, written: 0, replayed: 0, refused: 0, failed: 0 };
    const csv = wantsCsv(request);
    const entries = this.imports.run(
      principal,
      upload.path,
      file,
      { programmeSlug: query.programme ?? DEFAULT_PROGRAMME, sourceSystem: principal.sourceSystem },
      totals,
    );
    void reply
      .status(HttpStatus.OK)
      .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
      .header('x-import-id', file.importId);
    return Readable.from(reportBody(file, entries, totals, query.report === 'all', csv, upload.remove));
  }

  @Get('template')
  @ApiOperation({ summary: 'The import template: CSV (header row) or XLSX (Data and Guide sheets)' })
  @ApiQueryFrom(TemplateQuery)
  @ApiResponse({
    status: 200,
    description: 'The template: the header row as CSV, or a workbook with Data and Guide sheets',
    content: {
      'text/csv': { schema: { type: 'string' } },
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  async template(@Query() raw: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply) {
    const query = await validateDto(TemplateQuery, raw);
    if (query.format === 'xlsx') {
      void reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="always-events-import-template.xlsx"');
      return xlsxTemplate();
    }
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="always-events-import-template.csv"');
    return csvTemplate();
  }
}
