import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateDto } from '../../shared/validation/validate-dto';
import { ReadModelReader } from '../http/read-model-reader';
import { ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import type {
  DataCutsResponse,
  EvaluationReportsResponse,
  EvaluationsResponse,
  FindingsResponse,
} from '../../openapi/responses/response-types';
import { cursorPage, matchesSearch } from '../http/cursor-page';
import { knowledge } from '../http/knowledge';
import { respond } from '../http/respond';
import { EvaluationRecordsState } from './evaluation-records.projection';
import { EvaluationListQuery } from './evaluation-list.query';

/**
 * Evaluations and what evaluators record in them, as lists: every list is
 * cursor-paginated, searchable and sortable, as of and as known at a date,
 * and served as CSV too.
 */
@ApiTags('evaluation (evaluators)')
@Controller('v1/evaluations')
export class EvaluationsController {
  constructor(private readonly reader: ReadModelReader) {}

  private async records(raw: Record<string, unknown>) {
    const query = await validateDto(EvaluationListQuery, raw);
    const view = await this.reader.read<EvaluationRecordsState>('evaluation-records', query);
    const ofEvaluation = (row: { evaluationId: string }) =>
      query.evaluationId === undefined || row.evaluationId === query.evaluationId;
    return { query, view, ofEvaluation };
  }

  @Get()
  @ApiOperation({
    summary: 'Evaluations: search title, evaluator or commissioner; sort; cursor pages; CSV too',
  })
  @ApiQueryFrom(EvaluationListQuery)
  @ApiReadModelOk('One page of evaluations')
  async evaluations(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { query, view, ofEvaluation } = await this.records(raw);
    const rows = Object.values(view.state.evaluations).filter(
      (e) => ofEvaluation(e) && matchesSearch(query.q, e.title, e.evaluator, e.commissioner),
    );
    const page = cursorPage(
      rows,
      query,
      { commissionedAt: (r) => r.commissionedAt, title: (r) => r.title, evaluator: (r) => r.evaluator },
      (r) => r.evaluationId,
      '-commissionedAt',
    );
    const body: EvaluationsResponse = { ...page, knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('data-cuts')
  @ApiOperation({
    summary:
      'Data cuts of every evaluation (or one): bounds, position, checksums; sort; cursor pages; CSV too',
  })
  @ApiQueryFrom(EvaluationListQuery)
  @ApiReadModelOk('One page of data cuts')
  async dataCuts(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { query, view, ofEvaluation } = await this.records(raw);
    const rows = Object.values(view.state.dataCuts).filter(
      (c) => ofEvaluation(c) && matchesSearch(query.q, c.dataCutId, c.evaluator),
    );
    const page = cursorPage(
      rows,
      query,
      { takenAt: (r) => r.takenAt, asOf: (r) => r.asOf, position: (r) => r.globalPosition },
      (r) => r.dataCutId,
      '-takenAt',
    );
    const body: DataCutsResponse = { ...page, knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('findings')
  @ApiOperation({
    summary: 'Findings of every evaluation (or one): search their text; sort; cursor pages; CSV too',
  })
  @ApiQueryFrom(EvaluationListQuery)
  @ApiReadModelOk('One page of findings')
  async findings(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { query, view, ofEvaluation } = await this.records(raw);
    const rows = Object.values(view.state.findings).filter(
      (f) => ofEvaluation(f) && matchesSearch(query.q, f.text, f.kind),
    );
    const page = cursorPage(
      rows,
      query,
      { recordedAt: (r) => r.recordedAt, kind: (r) => r.kind },
      (r) => r.findingId,
      '-recordedAt',
    );
    const body: FindingsResponse = { ...page, knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }

  @Get('reports')
  @ApiOperation({ summary: 'Published evaluation reports: search title; sort; cursor pages; CSV too' })
  @ApiQueryFrom(EvaluationListQuery)
  @ApiReadModelOk('One page of reports')
  async reports(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { query, view, ofEvaluation } = await this.records(raw);
    const rows = Object.values(view.state.reports).filter(
      (r) => ofEvaluation(r) && matchesSearch(query.q, r.title, r.evaluator),
    );
    const page = cursorPage(
      rows,
      query,
      { publishedOn: (r) => r.publishedOn, title: (r) => r.title },
      (r) => r.evaluationId,
      '-publishedOn',
    );
    const body: EvaluationReportsResponse = { ...page, knowledge: knowledge(view) };
    return respond(request, reply, body, (b) => b.items);
  }
}
