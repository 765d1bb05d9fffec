import { randomUUID } from 'node:crypto';
import {
  evaluationDate,
  worklistDecider,
  WorklistEvent,
  WorklistLogState,
  worklistStream,
} from '../../domain/worklist';
import { WrongExpectedRevisionError } from '../../event-store/errors';
import type { EventStore } from '../../event-store/port';
import type { AppendResult, NewEvent } from '../../event-store/recorded-event';
import type { Clock } from '../../shared/clock';
import { canonicalJson } from '../../shared/canonical-json';
import { uuidV5 } from '../../shared/uuid-v5';
import type { ProjectionRunner } from '../runner/projection-runner';
import type { SpreadState } from '../spread/spread-state';
import { programmeWorklist } from './worklist-report';
import type { WorklistState } from './worklist.projection';

/** What the worklist is computed from: the same read models GET /v1/worklist answers from. */
export interface WorklistReadModels {
  worklist: WorklistState;
  spread: SpreadState;
}

export interface WorklistEvaluatorDependencies {
  store: EventStore;
  /** Both read models once they have folded the log up to `position`; undefined if not within the wait. */
  readModels(position: number): Promise<WorklistReadModels | undefined>;
  clock: Clock;
}

export interface ProgrammeEvaluation {
  programmeSlug: string;
  opened: number;
  closed: number;
  /** Items still open whose since or threshold moved. */
  revised: number;
  /** Appends refused because another evaluator wrote first (each followed by a fresh look). */
  conflicts: number;
}

export type WorklistEvaluation =
  | { status: 'evaluated'; programmes: ProgrammeEvaluation[] }
  /** The read models had not reached the log's head: nothing was compared, nothing written. */
  | { status: 'read-models-behind'; position: number };

const COUNTED_AS = {
  WorklistItemOpened: 'opened',
  WorklistItemClosed: 'closed',
  WorklistItemRevised: 'revised',
} as const satisfies Record<WorklistEvent['type'], keyof ProgrammeEvaluation>;

/** Namespace of the ids of worklist transitions (a fixed, random UUID). */
const TRANSITION_ID_NAMESPACE = '9d3b6a0e-51c4-4f2b-8e7a-6c0d2f9b1a35';
/** Fresh looks after a conflict before the round gives up on a programme (the next round tries again). */
const ATTEMPTS = 5;

/**
 * The id of a transition written after `revision`: the same transition at the
 * same place always gets the same id, so a retry of an append that did
 * succeed (or another evaluator's identical one) is a no-op; anything else
 * there (other data, another date) gets another id and meets the expected
 * revision instead.
 */
export function transitionEventId(
  stream: string,
  revision: number,
  event: WorklistEvent,
  index: number,
): string {
  return uuidV5(
    `${stream}\n${revision}\n${index}\n${event.type}\n${canonicalJson(event.data)}`,
    TRANSITION_ID_NAMESPACE,
  );
}

/**
 * Records the programme team's worklist in the log: for each programme it
 * compares the list as computed now (read models and the clock) with the
 * items its `worklist-<programme>` stream holds open, and appends
 * WorklistItemOpened / WorklistItemRevised / WorklistItemClosed for the difference, expecting the
 * revision it read. Of several evaluators acting on the same state exactly
 * one writes; the others take a fresh look and find nothing to do. The read
 * models must first have reached the log's head as it was after the stream
 * was read, so no evaluator acts on less than the last writer knew (a
 * process with a deleted state file waits until it has rebuilt them).
 */
export class WorklistEvaluator {
  /** Each stream as last read, so a round reads only what was appended since. */
  private readonly logs = new Map<string, { state: WorklistLogState; revision: number }>();

  constructor(private readonly deps: WorklistEvaluatorDependencies) {}

  async evaluate(): Promise<WorklistEvaluation> {
    const head = await this.deps.store.headPosition();
    const models = await this.deps.readModels(head);
    if (!models) return { status: 'read-models-behind', position: head };
    const programmes: ProgrammeEvaluation[] = [];
    for (const programmeSlug of Object.keys(models.spread.programmes).sort()) {
      const evaluation = await this.evaluateProgramme(programmeSlug);
      if (evaluation === undefined) return { status: 'read-models-behind', position: head };
      programmes.push(evaluation);
    }
    return { status: 'evaluated', programmes };
  }

  private async evaluateProgramme(programmeSlug: string): Promise<ProgrammeEvaluation | undefined> {
    const stream = worklistStream(programmeSlug);
    const result: ProgrammeEvaluation = {
      programmeSlug,
      opened: 0,
      closed: 0,
      revised: 0,
      conflicts: 0,
    };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const log = await this.readLog(stream);
      // After the stream: whatever its last writer knew is at or before this head.
      const models = await this.deps.readModels(await this.deps.store.headPosition());
      if (!models) return undefined;
      const now = this.deps.clock.now().toISOString();
      const date = evaluationDate(now.slice(0, 10), log.state);
      const { thresholds, items } = programmeWorklist(models, programmeSlug, date, true);
      const events = worklistDecider.decide(
        {
          type: 'EvaluateWorklist',
          data: { programmeSlug, evaluatedOn: date, thresholds, items },
          context: { now, occurredAt: now },
          facts: undefined,
        },
        log.state,
      );
      if (events.length === 0) return result;
      const toAppend = this.toNewEvents(stream, log.revision, events, now);
      let appended: AppendResult;
      try {
        appended = await this.deps.store.appendToStream(stream, toAppend, {
          expectedRevision: log.revision === -1 ? 'no_stream' : log.revision,
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        result.conflicts++;
        continue;
      }
      // Already there, with these ids: written by an earlier try or an identical rival; counted by whoever wrote them.
      if (appended.replayed === true || !(await this.wroteThem(stream, log.revision, toAppend)))
        return result;
      for (const event of events) result[COUNTED_AS[event.type]]++;
      return result;
    }
    return result;
  }

  /**
   * The items each programme's stream holds open, for the streams this
   * evaluator has evaluated (read again up to their ends): none before its first round.
   */
  async openItems(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const stream of [...this.logs.keys()].sort()) {
      const { state } = await this.readLog(stream);
      counts[stream.slice(worklistStream('').length)] = Object.keys(state.open).length;
    }
    return counts;
  }

  private async readLog(stream: string): Promise<{ state: WorklistLogState; revision: number }> {
    const known = this.logs.get(stream) ?? { state: worklistDecider.initialState(), revision: -1 };
    const recorded = await this.deps.store.readStream(stream, { fromRevision: known.revision + 1 });
    if (recorded.length === 0) return known;
    const state = recorded.reduce(
      (s, event) => worklistDecider.evolve(s, event as unknown as WorklistEvent),
      known.state,
    );
    const log = { state, revision: recorded[recorded.length - 1].revision };
    this.logs.set(stream, log);
    return log;
  }

  /**
   * Whether the events after `revision` are this append's: EventStoreDB
   * answers an identical append by a rival as a success, as it does a retry,
   * without saying which. Each append's correlation id is its own, so the
   * stored events tell (SQLite says `replayed` and is never asked).
   */
  private async wroteThem(stream: string, revision: number, appended: NewEvent[]): Promise<boolean> {
    if (appended.length === 0) return false;
    const [first] = await this.deps.store.readStream(stream, { fromRevision: revision + 1, maxCount: 1 });
    return (
      first?.id === appended[0].id && first.metadata.correlationId === appended[0].metadata.correlationId
    );
  }

  private toNewEvents(stream: string, revision: number, events: WorklistEvent[], now: string): NewEvent[] {
    const correlationId = randomUUID();
    return events.map((event, index) => ({
      id: transitionEventId(stream, revision, event, index),
      type: event.type,
      data: event.data,
      metadata: {
        occurredAt: now,
        actor: 'worklist-evaluator',
        sourceSystem: 'worklist-evaluator',
        correlationId,
        causationId: null,
        schemaVersion: 1,
      },
    }));
  }
}

/** The worklist and spread models of this process's runner, once both have reached a position. */
export function runnerReadModels(
  runner: ProjectionRunner,
  timeoutMs: number,
): (position: number) => Promise<WorklistReadModels | undefined> {
  return async (position) => {
    const reached = await Promise.all([
      runner.waitFor('worklist', position, timeoutMs),
      runner.waitFor('spread', position, timeoutMs),
    ]);
    if (reached.includes(false)) return undefined;
    const worklist = runner.current<WorklistState>('worklist');
    const spread = runner.current<SpreadState>('spread');
    if (worklist.status === 'failed' || spread.status === 'failed') return undefined;
    return { worklist: worklist.state, spread: spread.state };
  };
}
