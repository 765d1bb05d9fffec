import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiOk, ApiProblems, ApiQueryFrom } from '../http/api-docs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { validateQuery } from '../shared/validation/validate-query';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { RecordedEvent } from '../event-store/recorded-event';
import { validationProblem } from '../shared/problem';
import { pageBounds } from '../projections/http/read-model-query';
import { TimeSlice } from '../projections/runner/time-slice';
import { respond } from '../projections/http/respond';
import { afterLowerBound, lowerBound } from '../shared/bounds';
import { exportEvents, exportNdjson } from './event-export';
import { ChangesQuery } from './changes.query';
import { ExportQuery } from './export.query';
import { parseBounds } from '../projections/http/read-model-reader';
import type { ChangeRow, ChangesResponse } from '../openapi/responses/response-types';

/** The start of the period a payload reports on (a month or ISO week), if it names one. */
function periodStartOf(data: unknown): string | undefined {
  const period = (data as { period?: unknown } | null)?.period;
  if (typeof period !== 'string') return undefined;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01T00:00:00.000Z`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!week) return undefined;
  const jan4 = new Date(Date.UTC(Number(week[1]), 0, 4));
  const monday =
    jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week[2]) - 1) * 7 * 86_400_000;
  return new Date(monday).toISOString();
}

/**
 * What kind of change an event is, for "what changed since the last report":
 * a correction (corrected, amended, retracted, revised), backdated (it
 * occurred, or reports on a period that began, before the window: a late
 * return), or new.
 */
export function changeKind(event: RecordedEvent, since: string): 'correction' | 'backdated' | 'new' {
  if (/(Corrected|Amended|Retracted|Revised)$/.test(event.type)) return 'correction';
  const about = periodStartOf(event.data) ?? event.metadata.occurredAt;
  if (Date.parse(about) <= Date.parse(since) || Date.parse(event.metadata.occurredAt) <= Date.parse(since))
    return 'backdated';
  return 'new';
}

/** Events read at a time by the changes scan, which pauses between slices (see exportEvents). */
const CHANGES_PAGE = 500;

@ApiTags('history')
@Controller('v1')
export class HistoryController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('export/events')
  @ApiQueryFrom(ExportQuery, { type: 'Event types, comma-separated', organisation: 'ODS code' })
  @ApiResponse({
    status: 200,
    description: 'One JSON event per line',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiProblems({ 400: 'A bound or filter is invalid: `errors` names it' })
  @ApiOperation({
    summary:
      'The event log as NDJSON (one event per line, envelope and metadata), within bounds and filters; streamed',
  })
  async exportEvents(@Query() raw: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const query = await validateQuery(ExportQuery, raw);
    const bounds = parseBounds(query);
    const lines = exportNdjson(this.store, bounds, {
      categories: query.category ? [query.category] : undefined,
      eventTypes: query.type?.split(','),
      organisation: query.organisation,
    });
    await reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(Readable.from(lines));
  }

  @Get('history/changes')
  @ApiQueryFrom(ChangesQuery, {
    since:
      "Start of the window: a date means from the start of that day (UTC), the day included; a date-time means strictly after that instant (pass the last report's asKnownAt to continue from it)",
    asKnownAt: 'End of the window, included: a date means the end of that day (UTC); default now',
  })
  @ApiOk(
    'The changes, with counts by kind (CSV with Accept: text/csv)',
    { type: 'object' },
    {
      'text/csv': { schema: { type: 'string' } },
    },
  )
  @ApiProblems({ 400: 'since or a bound is invalid: `errors` names it' })
  @ApiOperation({
    summary:
      'What became known in a window (recorded from `since`, up to and including `asKnownAt`): late returns, backdated facts, corrections, retractions',
  })
  async changes(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await validateQuery(ChangesQuery, raw);
    const bounds = parseBounds(query);
    const window = lowerBound(query.since);
    const since = window.from;
    if (bounds.asKnownAt !== undefined && Date.parse(bounds.asKnownAt) < Date.parse(since)) {
      throw validationProblem([
        { field: 'since', rule: 'after-asKnownAt', message: 'since must be before asKnownAt' },
      ]);
    }
    // The window is counted whole but only the page asked for is kept, and the scan lets requests run
    // between slices: at a million events it held the service for 20 s and every row in memory.
    const { offset, limit } = pageBounds(query);
    const items: ChangeRow[] = [];
    const counts = { new: 0, backdated: 0, correction: 0 };
    let total = 0;
    const slice = new TimeSlice();
    for await (const event of exportEvents(
      this.store,
      { asKnownAt: bounds.asKnownAt, atPosition: bounds.atPosition },
      {
        categories: query.category ? [query.category] : undefined,
      },
      CHANGES_PAGE,
    )) {
      if (slice.due()) await slice.pause();
      if (!afterLowerBound(event.metadata.recordedAt, window)) continue;
      const kind = changeKind(event, since);
      counts[kind]++;
      if (total >= offset && total < offset + limit) {
        items.push({
          kind,
          type: event.type,
          streamId: event.streamId,
          position: event.position,
          occurredAt: event.metadata.occurredAt,
          recordedAt: event.metadata.recordedAt,
          sourceSystem: event.metadata.sourceSystem,
          actor: event.metadata.actor,
          data: event.data,
        });
      }
      total++;
    }
    const body: ChangesResponse = {
      since,
      asKnownAt: bounds.asKnownAt ?? null,
      counts,
      items,
      page: { offset, limit, total },
    };
    return respond(request, reply, body, (b) => b.items);
  }
}
