import type { AcceptedCommand } from './command-definition';

/** What brought a command: the command metrics count by it. */
export type CommandTransport = 'http' | 'kafka' | 'import' | 'internal';

/** Who sent a command and how: becomes the events' metadata. */
export interface CommandOrigin {
  idempotencyKey?: string;
  /** The stream revision the caller last saw (If-Match); undefined = decide on the latest. */
  expectedRevision?: number;
  actor: string;
  actorRole?: string;
  sourceSystem: string;
  correlationId: string;
  /** How the command arrived, for the command metrics; absent counts as `internal`. */
  transport?: CommandTransport;
  /** Extra audit metadata (e.g. the client IP hash), copied onto every event. */
  audit?: Record<string, unknown>;
}

export interface CommandResult {
  streamId: string;
  /** The stream's revision after the command. */
  revision: number;
  /** Global position of the last event written: pass it as `minPosition` to read your write. */
  position: number;
  eventIds: string[];
  /** True when this was a retry of a command already done: nothing was written. */
  replayed: boolean;
}

/** The one command the CommandBus carries: a validated command and who sent it. */
export class ExecuteCommand {
  constructor(
    readonly command: AcceptedCommand,
    readonly origin: CommandOrigin,
  ) {}
}

/** One command's answer in a batch: its result, or why it was refused (the error the single path throws). */
export type BatchOutcome = { ok: true; result: CommandResult } | { ok: false; error: unknown };

/**
 * Many validated commands run together (imports, batch writers): every rule
 * of ExecuteCommand holds for each, and each gets its own outcome, in order.
 */
export class ExecuteCommandBatch {
  constructor(readonly commands: readonly ExecuteCommand[]) {}
}
