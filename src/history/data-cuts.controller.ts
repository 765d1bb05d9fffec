import { Controller, Get, HttpStatus, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { ProblemException } from '../shared/problem';
import { READ_MODELS } from '../projections/catalogue';
import { respond } from '../projections/http/respond';
import { canonicalSha256Steps } from '../shared/canonical-sha256';
import { inSlices } from '../projections/runner/time-slice';
import { readModelChecksums } from './data-cut-checksums';
import { boundsOfCut, DataCut, findDataCut, verifyDataCut } from './data-cut-verification';
import { replay } from '../projections/runner/replay';
import type { DataCutReadModelResponse, DataCutResponse } from '../openapi/responses/response-types';

/** Data cuts: fixed bounds and checksums in an evaluation; verified by replaying the log under them. */
@ApiTags('evaluation: data cuts')
@Controller('v1/evaluation/data-cuts')
export class DataCutsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async find(dataCutId: string): Promise<DataCut> {
    const cut = await findDataCut(this.store, dataCutId);
    if (cut) return cut;
    throw new ProblemException(
      HttpStatus.NOT_FOUND,
      'data-cut-not-found',
      'Data cut not found',
      `No data cut ${dataCutId}`,
    );
  }

  @Get(':dataCutId')
  @ApiOperation({ summary: 'A data cut: its bounds, global position, read-model versions and checksums' })
  async get(@Param('dataCutId', new ParseUUIDPipe()) dataCutId: string): Promise<DataCutResponse> {
    return this.find(dataCutId);
  }

  @Get(':dataCutId/verify')
  @ApiOperation({
    summary: 'Recompute every read model of a data cut under its bounds and compare checksums',
  })
  async verify(@Param('dataCutId', new ParseUUIDPipe()) dataCutId: string) {
    return verifyDataCut(this.store, dataCutId, await this.find(dataCutId));
  }

  @Get(':dataCutId/read-models/:readModel')
  @ApiOperation({
    summary:
      "A read model's table at a data cut's bounds (JSON, or CSV with Accept: text/csv), carrying the cut's id and checksum",
  })
  async readModel(
    @Param('dataCutId', new ParseUUIDPipe()) dataCutId: string,
    @Param('readModel') name: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const cut = await this.find(dataCutId);
    const projection = READ_MODELS.find((p) => p.name === name);
    if (!projection || cut.checksums[name] === undefined) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'read-model-not-in-cut',
        'Read model not in this cut',
        `Data cut ${dataCutId} has no read model ${name}`,
      );
    }
    const { state } = await replay(this.store, projection, boundsOfCut(cut));
    // A model with personal data is checksummed with those values masked, as the cut was.
    const checksum = projection.holdsPersonalData
      ? (await readModelChecksums(this.store, [projection], boundsOfCut(cut))).checksums[name]
      : await inSlices(canonicalSha256Steps(state));
    void reply.headers({
      'x-data-cut-id': dataCutId,
      'x-data-cut-checksum': checksum,
      'x-data-cut-read-model': name,
    });
    const body: DataCutReadModelResponse = {
      dataCutId,
      readModel: name,
      checksum,
      matchesCut: checksum === cut.checksums[name],
      items: projection.table?.(state) ?? [],
    };
    return respond(request, reply, body, (b) => b.items);
  }
}
