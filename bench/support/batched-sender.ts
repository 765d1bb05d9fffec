import type { INestApplicationContext } from '@nestjs/common';
import { BatchItem, CommandGateway } from '../../src/commands/command-gateway';
import type { PlannedCommand } from '../../scripts/simulator/commands';
import type { SendOutcome } from '../../scripts/simulator/run/http-sender';
import { BENCH_PRINCIPAL, submissionOf } from './in-process-sender';

interface Waiting {
  item: BatchItem;
  resolve(outcome: SendOutcome): void;
  reject(error: unknown): void;
}

/**
 * Sends the simulator's commands through the command gateway's batch path
 * (`submitBatch`, the one imports use): every command sent while a batch is
 * gathering joins it, and the batch goes when it is full or at the next turn
 * of the event loop. The simulator keeps one command of each task in flight,
 * so a batch holds at most one command per task, each decided on what the
 * tasks before it wrote, as the one-at-a-time sender's would be; the batch
 * path keeps every rule of the single one (admission, deciders, key claims,
 * derived event ids) and commits the batch's appends together. A refusal
 * rejects its own send, as `submit` would throw.
 */
export function batchedInProcessSender(
  app: INestApplicationContext,
  batchSize = 512,
): (command: PlannedCommand) => Promise<SendOutcome> {
  const gateway = app.get(CommandGateway);
  let gathering: Waiting[] = [];
  let scheduled = false;

  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = gathering;
    gathering = [];
    if (batch.length === 0) return;
    try {
      const outcomes = await gateway.submitBatch(
        BENCH_PRINCIPAL,
        batch.map((w) => w.item),
      );
      outcomes.forEach((outcome, i) => {
        if (!outcome.ok) batch[i].reject(outcome.error);
        else {
          const { replayed, eventIds } = outcome.result;
          batch[i].resolve({ replayed, events: replayed ? 0 : eventIds.length, retries: 0 });
        }
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  };

  return (command) =>
    new Promise<SendOutcome>((resolve, reject) => {
      gathering.push({
        item: { name: command.name, body: command.body, submission: submissionOf(command) },
        resolve,
        reject,
      });
      if (gathering.length >= batchSize) void flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}
