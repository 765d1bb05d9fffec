import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../shared/clock';
import type { CommandOrigin } from '../../commands/execute-command';
import { EventNotFoundError, WrongExpectedRevisionError } from '../../event-store/errors';
import type { EsdbEventStore } from '../../event-store/esdb/esdb-event-store';
import { matchesFilter } from '../../event-store/event-filter';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store';
import { ReadModelReader } from '../../projections/http/read-model-reader';
import { ProblemException } from '../../shared/problem';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import type { RedactEventFieldsDto } from './redaction.dto';
import { RedactionOutcome, redactionStreamId } from './redaction-request';
import { redactInSqlite } from './sqlite-redaction';

/** The adapter under the decorators: a redaction is a change to what one store holds. */
function adapterOf(store: EventStore): EventStore {
  const innerOf = (s: EventStore) => (s as EventStore & { inner?: EventStore }).inner;
  let current = store;
  for (let inner = innerOf(current); inner; inner = innerOf(current)) current = inner;
  return current;
}

/**
 * Removal of data that should never have been written, per store
 * (docs/governance/erasure-and-redaction.md), then a rebuild here of every
 * read model that folds the event's type, so none keeps the removed text.
 */
@Injectable()
export class RedactionService {
  private readonly logger = new Logger('Redaction');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly reader: ReadModelReader,
    private readonly clock: Clock,
  ) {}

  async redact(
    dto: RedactEventFieldsDto,
    origin: CommandOrigin,
  ): Promise<RedactionOutcome & { readModelsRebuilt: string[] }> {
    const adapter = adapterOf(this.store);
    const request = {
      ...dto,
      now: this.clock.now().toISOString(),
      metadata: {
        occurredAt: this.clock.now().toISOString(),
        actor: origin.actor,
        ...(origin.actorRole ? { actorRole: origin.actorRole } : {}),
        sourceSystem: origin.sourceSystem,
        correlationId: origin.correlationId,
        causationId: null,
        schemaVersion: 1,
        ...(origin.audit ?? {}),
      },
    };
    let outcome: RedactionOutcome;
    try {
      // Before anything is changed: a retry must not copy (EventStoreDB) or rewrite a second time.
      const auditStreamId = redactionStreamId(dto.redactionId);
      const recorded = await adapter.streamRevision(auditStreamId);
      if (recorded >= 0) throw new WrongExpectedRevisionError(auditStreamId, 'no_stream', recorded);
      outcome =
        adapter instanceof SqliteEventStore
          ? await redactInSqlite(adapter, request)
          : await esdbRedaction().redactInEsdb(adapter as EsdbEventStore, request);
    } catch (error) {
      throw this.problem(error, dto) ?? error;
    }
    const readModelsRebuilt = this.runner
      .projections()
      .filter((projection) =>
        matchesFilter({ type: outcome.audit.eventType, streamId: dto.streamId }, projection.filter),
      )
      .map((projection) => projection.name);
    for (const name of readModelsRebuilt) this.runner.rebuild(name);
    this.reader.forget();
    this.logger.log(
      `Redacted ${dto.fields.join(', ')} of ${outcome.audit.eventType} ${outcome.audit.eventId} on ${dto.streamId} ` +
        `(redaction ${outcome.audit.redactionId}); rebuilding ${readModelsRebuilt.join(', ') || 'no read model'}`,
    );
    return { ...outcome, readModelsRebuilt };
  }

  private problem(error: unknown, dto: RedactEventFieldsDto): ProblemException | undefined {
    if (error instanceof EventNotFoundError) {
      return new ProblemException(
        HttpStatus.NOT_FOUND,
        'event-not-found',
        'Event not found',
        `Stream ${dto.streamId} has no event ${dto.eventId}`,
      );
    }
    if (error instanceof WrongExpectedRevisionError && error.stream.includes(dto.redactionId.toLowerCase())) {
      return new ProblemException(
        HttpStatus.CONFLICT,
        'redaction-already-recorded',
        'Redaction already recorded',
        `Redaction ${dto.redactionId} is already in the log; nothing was changed`,
      );
    }
    return undefined;
  }
}

/** Loaded only on EventStoreDB, as the adapter is (src/event-store/wiring/event-store.module.ts). */
function esdbRedaction(): typeof import('./esdb-redaction') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load the client everywhere
  return require('./esdb-redaction') as typeof import('./esdb-redaction');
}
