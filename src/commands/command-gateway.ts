import { HttpStatus, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { authoriseCommand, commandPolicyFor, needsOrganisationCheck } from '../auth/authorise-command';
import { OrganisationResolver } from '../auth/organisation-resolver';
import type { Principal } from '../auth/principal';
import { patientDataProblem } from '../shared/patient-data-problem';
import { ProblemException, validationProblem } from '../shared/problem';
import { screen } from '../privacy/screening';
import { CatalogueService } from './catalogue.service';
import {
  BatchOutcome,
  CommandOrigin,
  CommandResult,
  CommandTransport,
  ExecuteCommand,
  ExecuteCommandBatch,
} from './execute-command';

/** How a command arrived, apart from who sent it: becomes the events' metadata. */
export interface Submission {
  /** The idempotency key the transport carried (a header, a message's commandId, an import row's key). */
  idempotencyKey?: string;
  /** Where the transport carried the key, for the error when the body's commandId says otherwise. */
  idempotencyKeyField?: string;
  /** The stream revision the caller last saw (If-Match); undefined = decide on the latest. */
  expectedRevision?: number;
  /** The calling system, as the transport names it. */
  sourceSystem: string;
  correlationId: string;
  transport: CommandTransport;
  /** Extra audit metadata, copied onto every event (e.g. the client IP hash, the Kafka topic). */
  audit?: Record<string, unknown>;
}

/** One command of a batch: its name, body and how it came, as `submit` takes them. */
export interface BatchItem {
  name: string;
  body: unknown;
  submission: Submission;
}

const unknownCommand = (name: string): ProblemException =>
  new ProblemException(
    HttpStatus.NOT_FOUND,
    'unknown-command',
    'Unknown command',
    `There is no command named ${name}`,
  );

/**
 * The one way a command gets in, whatever brought it (HTTP, Kafka, the
 * register seed, imports, the CLI): every check in one order, once.
 *
 * 1. Screening of the body as sent (422), first, so no later error can
 *    repeat what it would refuse.
 * 2. The command's name (404).
 * 3. The principal's role may run it (403).
 * 4. An organisation the raw body plainly names is in the principal's scope
 *    (403), so an out-of-scope caller learns nothing from validation errors.
 * 5. The body against the command's DTO: shape limits, text hygiene, the
 *    DTO's rules (400).
 * 6. The organisations the validated command reaches are in scope (403).
 * 7. A `commandId` in the body agrees with the transport's key (400).
 * 8. The CommandBus, to the handler that decides and appends (422, 409,
 *    412, 201/200).
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly resolver: OrganisationResolver,
    private readonly commandBus: CommandBus,
  ) {}

  async submit(
    principal: Principal,
    name: string,
    body: unknown,
    submission: Submission,
  ): Promise<CommandResult> {
    const command = await this.admit(principal, name, body, submission);
    return this.commandBus.execute<ExecuteCommand, CommandResult>(command);
  }

  /**
   * Many commands of one principal at once (imports, batch writers): each is
   * admitted exactly as `submit` admits it, and the admitted ones run
   * through the batched path of the handler (ExecuteCommandBatch), which
   * keeps every rule and commits their appends together. One outcome per
   * item, in order; a refused item never stops the others.
   */
  async submitBatch(principal: Principal, items: readonly BatchItem[]): Promise<BatchOutcome[]> {
    const outcomes: Array<BatchOutcome | undefined> = new Array(items.length);
    const admitted: ExecuteCommand[] = [];
    const places: number[] = [];
    for (const [i, item] of items.entries()) {
      try {
        admitted.push(await this.admit(principal, item.name, item.body, item.submission));
        places.push(i);
      } catch (error) {
        outcomes[i] = { ok: false, error };
      }
    }
    if (admitted.length > 0) {
      const run = await this.commandBus.execute<ExecuteCommandBatch, BatchOutcome[]>(
        new ExecuteCommandBatch(admitted),
      );
      run.forEach((outcome, j) => (outcomes[places[j]] = outcome));
    }
    return outcomes as BatchOutcome[];
  }

  /** Every check before the handler, in the order above: the command the CommandBus will carry. */
  private async admit(
    principal: Principal,
    name: string,
    body: unknown,
    submission: Submission,
  ): Promise<ExecuteCommand> {
    const findings = screen(body);
    if (findings.length > 0) throw patientDataProblem(findings);
    const definition = this.catalogue.command(name);
    if (!definition) throw unknownCommand(name);
    const policy = commandPolicyFor(principal, definition.name);
    if (needsOrganisationCheck(principal, policy) && typeof body === 'object' && body !== null) {
      if ((await this.resolver.organisationsOfCommand(body)) !== undefined) {
        await authoriseCommand(principal, definition, body, this.resolver);
      }
    }
    const command = await definition.accept(body);
    const { dto } = command;
    await authoriseCommand(principal, definition, dto, this.resolver);
    const key = submission.idempotencyKey;
    if (key !== undefined && dto.commandId !== undefined && dto.commandId !== key) {
      const field = submission.idempotencyKeyField ?? 'the idempotency key';
      throw validationProblem([
        { field: 'commandId', rule: 'matches-idempotency-key', message: `commandId and ${field} differ` },
      ]);
    }
    return new ExecuteCommand(command, commandOrigin(principal, submission, key ?? dto.commandId));
  }
}

/** Who sent a command and how, as every event it writes records it. */
export function commandOrigin(
  principal: Principal,
  submission: Submission,
  /** The key the command goes by, when the body's commandId gives it rather than the transport. */
  idempotencyKey = submission.idempotencyKey,
): CommandOrigin {
  return {
    idempotencyKey,
    expectedRevision: submission.expectedRevision,
    actor: principal.id,
    actorRole: principal.role,
    sourceSystem: submission.sourceSystem,
    correlationId: submission.correlationId,
    transport: submission.transport,
    audit: { authStrategy: principal.strategy, ...submission.audit },
  };
}
