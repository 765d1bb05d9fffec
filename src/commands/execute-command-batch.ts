import { IdempotencyKeyReusedError } from '../event-store/errors';
import type { IdempotencyKeyUse } from '../event-store/idempotency-claim';
import type { EventStore } from '../event-store/port';
import { AppendResult, NewEvent } from '../event-store/recorded-event';
import type { CommandMetrics } from '../metrics/command-metrics';
import type { KeyedQueue } from '../shared/keyed-queue';
import {
  decideCommand,
  DecisionDependencies,
  isRace,
  PreparedCommand,
  prepareCommand,
} from './decide-command';
import { BatchOutcome, CommandResult, ExecuteCommand } from './execute-command';
import type { FactLookups } from './fact-lookups';
import type { StreamStateCache } from './stream-state-cache';
import { WorkingStreams } from './working-streams';

export interface BatchDependencies extends DecisionDependencies {
  store: EventStore;
  streams: StreamStateCache;
  lookups: FactLookups;
  /** The single path's per-stream queue: a batch holds its streams while it decides and appends. */
  queue: KeyedQueue;
  metrics: CommandMetrics;
  /** The single path, with its conflict retries, for commands the batch could not decide alone. */
  single(command: ExecuteCommand): Promise<CommandResult>;
}

interface Pending {
  index: number;
  prepared: PreparedCommand;
  decidedOn: number;
  events: NewEvent[];
}

/**
 * Runs many commands with every rule the single path keeps (key claims,
 * retries found by their ids, If-Match, facts, the decider) at a fraction of
 * the cost per command: each stream is read once, its commands are decided
 * in order on the state the earlier ones leave, and every append is handed
 * to the store in one turn, which the embedded store commits as one
 * transaction (a refused append is undone alone, so one refusal costs only
 * its own command).
 *
 * Equivalence with running the commands one by one, in order:
 * - a key used twice in the batch for the same request answers the second
 *   as a retry of the first; for another request it is refused;
 * - a command whose facts read a stream an earlier command of the batch
 *   writes, and every later command of its stream, runs after the batch's
 *   appends through the single path, so it sees them;
 * - an append that loses a race with another writer sends its command, and
 *   the later ones of its stream, to the single path, which decides again.
 */
export async function runBatch(
  deps: BatchDependencies,
  commands: readonly ExecuteCommand[],
): Promise<BatchOutcome[]> {
  const outcomes: Array<BatchOutcome | undefined> = new Array(commands.length);
  const prepared: Array<PreparedCommand | undefined> = commands.map((command, i) => {
    try {
      return prepareCommand(command);
    } catch (error) {
      outcomes[i] = { ok: false, error };
      return undefined;
    }
  });
  const streams = [...new Set(prepared.flatMap((p) => (p ? [p.streamId] : [])))];
  const deferred: number[] = [];
  const release = await holdStreams(deps.queue, streams);
  let followers: Map<number, number>;
  try {
    // Under the hold, so no command of this process can use a key between its check and its decision.
    const keys = await claimKeys(deps.store, prepared, outcomes);
    followers = keys.followers;
    const { pending, working } = await decideAll(deps, prepared, outcomes, keys, deferred);
    await appendAll(deps, pending, working, outcomes, deferred);
  } finally {
    release();
  }
  for (const index of deferred.sort((a, b) => a - b)) {
    try {
      outcomes[index] = { ok: true, result: await deps.single(commands[index]) };
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  }
  for (const [index, leader] of followers) {
    const first = outcomes[leader] as BatchOutcome;
    outcomes[index] = first.ok ? { ok: true, result: { ...first.result, replayed: true } } : first;
  }
  for (const [i, outcome] of outcomes.entries()) {
    deps.metrics.count(
      commands[i].command.name,
      commands[i].origin.transport ?? 'internal',
      outcome as BatchOutcome,
    );
  }
  return outcomes as BatchOutcome[];
}

interface KeyClaims {
  /** A command whose key an earlier command of the batch uses for the same request, by that command's index. */
  followers: Map<number, number>;
  /**
   * Commands whose key the log has never recorded: no earlier try of theirs
   * can be in any stream (an append claims its key with its events, and
   * EventStoreDB's before them), so no retry is looked for.
   */
  unused: Set<number>;
}

/** Keys the store already holds for another request are refused; a key twice in the batch makes a follower. */
async function claimKeys(
  store: EventStore,
  prepared: ReadonlyArray<PreparedCommand | undefined>,
  outcomes: Array<BatchOutcome | undefined>,
): Promise<KeyClaims> {
  const leaders = new Map<string, number>();
  const followers = new Map<number, number>();
  const unused = new Set<number>();
  const keys = prepared.flatMap((p) => (p?.claim ? [p.claim.key] : []));
  const uses = keys.length > 0 ? await store.idempotencyKeyUses(keys) : new Map<string, IdempotencyKeyUse>();
  for (const [i, p] of prepared.entries()) {
    const claim = p?.claim;
    if (!claim) continue;
    const leader = leaders.get(claim.key);
    if (leader !== undefined) {
      const first = prepared[leader]?.claim as NonNullable<typeof claim>;
      if (first.fingerprint === claim.fingerprint) followers.set(i, leader);
      else outcomes[i] = { ok: false, error: new IdempotencyKeyReusedError(claim.key, first.command) };
      continue;
    }
    const use = uses.get(claim.key);
    if (use && use.fingerprint !== claim.fingerprint) {
      outcomes[i] = { ok: false, error: new IdempotencyKeyReusedError(claim.key, use.command) };
      continue;
    }
    leaders.set(claim.key, i);
    if (!use) unused.add(i);
  }
  return { followers, unused };
}

/**
 * Waits its turn on every stream of the batch at once (enqueued in one
 * synchronous step, so two batches can never hold each other's streams) and
 * returns the release.
 */
async function holdStreams(queue: KeyedQueue, streams: readonly string[]): Promise<() => void> {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const held = streams.map(
    (streamId) =>
      new Promise<void>((acquired) => {
        void queue.run(streamId, () => {
          acquired();
          return done;
        });
      }),
  );
  await Promise.all(held);
  return release;
}

async function decideAll(
  deps: BatchDependencies,
  prepared: ReadonlyArray<PreparedCommand | undefined>,
  outcomes: Array<BatchOutcome | undefined>,
  keys: KeyClaims,
  deferred: number[],
): Promise<{ pending: Pending[]; working: WorkingStreams }> {
  const { followers, unused } = keys;
  const working = new WorkingStreams(deps.streams);
  const written = new Set<string>();
  const deferredStreams = new Set<string>();
  const pending: Pending[] = [];
  const read = new Set<string>();
  const lookups = deps.lookups.observed((streamId) => read.add(streamId), working);
  for (const [index, p] of prepared.entries()) {
    if (!p || outcomes[index] || followers.has(index)) continue;
    const { streamId } = p;
    if (deferredStreams.has(streamId)) {
      deferred.push(index);
      continue;
    }
    read.clear();
    try {
      const stream = await p.command.command.load(working, lookups);
      const decision = await decideCommand(deps, p, stream, { keyUnused: unused.has(index) });
      if ([...read].some((other) => other !== streamId && written.has(other))) {
        deferredStreams.add(streamId);
        deferred.push(index);
        continue;
      }
      if (decision.kind === 'retried') {
        outcomes[index] = { ok: true, result: { streamId, ...decision.retried, replayed: true } };
      } else if (decision.kind === 'nothing') {
        const position = await deps.store.headPosition();
        outcomes[index] = {
          ok: true,
          result: { streamId, revision: stream.revision, position, eventIds: [], replayed: false },
        };
      } else {
        const { events } = decision;
        pending.push({ index, prepared: p, decidedOn: stream.revision, events });
        written.add(streamId);
        // The working copy takes the decided events: the stream's next command is decided on them.
        stream.appended(events, { nextRevision: stream.revision + events.length, position: -1 });
      }
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  }
  return { pending, working };
}

async function appendAll(
  deps: BatchDependencies,
  pending: readonly Pending[],
  working: WorkingStreams,
  outcomes: Array<BatchOutcome | undefined>,
  deferred: number[],
): Promise<void> {
  // Handed over in one turn: the embedded store commits them together.
  const appends = pending.map(({ prepared, decidedOn, events }) =>
    deps.store.appendToStream(prepared.streamId, events, {
      expectedRevision: decidedOn,
      idempotency: prepared.claim,
    }),
  );
  const settled = await Promise.allSettled(appends);
  const broken = new Set<string>();
  const appended = new Map<string, Array<{ events: readonly NewEvent[]; result: AppendResult }>>();
  const unadoptable = new Set<string>();
  for (const [i, { index, prepared, decidedOn, events }] of pending.entries()) {
    const { streamId } = prepared;
    const answer = settled[i];
    if (answer.status === 'rejected') {
      if (broken.has(streamId) || isRace(answer.reason)) {
        // Decided on a state another writer (or a refused command before it) has since changed.
        deferred.push(index);
      } else {
        outcomes[index] = { ok: false, error: answer.reason };
      }
      broken.add(streamId);
      continue;
    }
    const result: AppendResult = answer.value;
    if (result.replayed === false && result.nextRevision === decidedOn + events.length) {
      const list = appended.get(streamId) ?? [];
      list.push({ events, result });
      appended.set(streamId, list);
    } else {
      unadoptable.add(streamId);
    }
    outcomes[index] = {
      ok: true,
      result: {
        streamId,
        revision: result.nextRevision,
        position: result.position,
        eventIds: events.map((event) => event.id),
        replayed: result.replayed === true,
      },
    };
  }
  // The working state is the cached one with every append of the stream: the cache takes it as it is.
  working.handBack(deps.streams, appended, new Set([...broken, ...unadoptable]));
}
