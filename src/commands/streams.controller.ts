import { Controller, Get, HttpStatus, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiOk, ApiProblems } from '../http/api-docs';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { RecordedEvent } from '../event-store/recorded-event';
import { ProblemException, validationProblem } from '../shared/problem';
import { CatalogueService } from './catalogue.service';

const notFound = (streamId: string): ProblemException =>
  new ProblemException(
    HttpStatus.NOT_FOUND,
    'stream-not-found',
    'Stream not found',
    `Stream ${streamId} has no events`,
  );

function nonNegativeInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,15}$/.test(value) || Number(value) > max) {
    throw validationProblem([
      { field: name, rule: 'non-negative-integer', message: `${name} must be an integer from 0 to ${max}` },
    ]);
  }
  return Number(value);
}

const STATE_SCHEMA = {
  type: 'object',
  required: ['streamId', 'category', 'revision', 'state'],
  properties: {
    streamId: { type: 'string' },
    category: { type: 'string' },
    revision: { type: 'integer' },
    state: { type: 'object' },
  },
};

const EVENTS_SCHEMA = {
  type: 'object',
  required: ['streamId', 'events'],
  properties: {
    streamId: { type: 'string' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'revision', 'position', 'data', 'metadata'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          type: { type: 'string' },
          revision: { type: 'integer' },
          position: { type: 'integer' },
          data: {},
          metadata: {
            type: 'object',
            description:
              'occurredAt, recordedAt, actor (API key id or token subject), actorRole, authStrategy, sourceSystem, clientIpHash (salted SHA-256, never the address), correlationId, causationId, schemaVersion, commandName',
          },
        },
      },
    },
  },
};

/** Read side of the write model: a stream's current state and its events, to see commands work. */
@ApiTags('streams')
@Controller('v1/streams')
export class StreamsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalogue: CatalogueService,
  ) {}

  @Get(':streamId')
  @ApiOperation({ summary: "A stream's current state, folded from its events by its aggregate's decider" })
  @ApiOk('The state, with the revision it was folded at (also the ETag)', STATE_SCHEMA)
  @ApiProblems({ 404: 'No stream of a known aggregate with that id has events' })
  async state(@Param('streamId') streamId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const aggregate = this.catalogue.aggregateOf(streamId);
    if (!aggregate) throw notFound(streamId);
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw notFound(streamId);
    const revision = events[events.length - 1].revision;
    void reply.header('etag', `"${revision}"`);
    return {
      streamId,
      category: aggregate.category,
      revision,
      state: aggregate.stateOf(events),
    };
  }

  @Get(':streamId/events')
  @ApiOperation({
    summary:
      "A stream's events with their metadata (both timestamps, actor, source, correlation and causation)",
  })
  @ApiQuery({ name: 'fromRevision', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' } })
  @ApiQuery({
    name: 'maxCount',
    required: false,
    schema: { type: 'string', pattern: '^\\d{1,5}$' },
    description: 'At most 10000; 1000 by default',
  })
  @ApiOk('The events, oldest first (empty for a stream with none)', EVENTS_SCHEMA)
  @ApiProblems({ 400: 'fromRevision or maxCount is not a valid number' })
  async events(
    @Param('streamId') streamId: string,
    @Query('fromRevision') fromRevision?: string,
    @Query('maxCount') maxCount?: string,
  ) {
    const events = await this.store.readStream(streamId, {
      fromRevision: nonNegativeInteger('fromRevision', fromRevision, 0),
      maxCount: nonNegativeInteger('maxCount', maxCount, 1000, 10_000),
    });
    return { streamId, events: events.map(present) };
  }
}

function present(event: RecordedEvent) {
  return {
    id: event.id,
    type: event.type,
    revision: event.revision,
    position: event.position,
    data: event.data,
    metadata: event.metadata,
  };
}
