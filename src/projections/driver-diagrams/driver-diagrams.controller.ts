import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validateDto } from '../../shared/validation/validate-dto';
import { ReadModelReader } from '../http/read-model-reader';
import { ProblemException } from '../../shared/problem';
import { ApiProblems, ApiQueryFrom, ApiReadModelOk } from '../../http/api-docs';
import { knowledge } from '../http/knowledge';
import { ReadModelQuery } from '../http/read-model-query';
import { respond } from '../http/respond';
import { driverDiagramView } from './driver-diagram-view';
import { DriverDiagramsState } from './driver-diagrams.projection';

@ApiTags('evaluation')
@Controller('v1/evaluation/always-events')
export class DriverDiagramsController {
  constructor(private readonly reader: ReadModelReader) {}

  @Get(':alwaysEventId/driver-diagram')
  @ApiOperation({
    summary:
      "An Always Event's driver diagram at the bounds: the aim, primary and secondary drivers, change ideas with their PDSA chains, outcome and measures, and every revision",
  })
  @ApiQueryFrom(ReadModelQuery)
  @ApiReadModelOk('The diagram as a tree under the aim; CSV: one row per revision')
  @ApiProblems({ 404: 'No Always Event with that id within the bounds' })
  async diagram(
    @Param('alwaysEventId') alwaysEventId: string,
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateDto(ReadModelQuery, raw);
    const view = await this.reader.read<DriverDiagramsState>('driver-diagrams', query);
    const diagram = driverDiagramView(view.state, alwaysEventId);
    if (diagram === null) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'always-event-not-found',
        'Always Event not found',
        `No Always Event ${alwaysEventId} at these bounds`,
      );
    }
    return respond(request, reply, { ...diagram, knowledge: knowledge(view) }, (b) => b.revisions);
  }
}
