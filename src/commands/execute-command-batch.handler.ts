import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BatchOutcome, ExecuteCommandBatch } from './execute-command';
import { ExecuteCommandHandler } from './execute-command.handler';

/** The CommandBus's way to a batch: the single handler's, so both share its per-stream queue and caches. */
@CommandHandler(ExecuteCommandBatch)
export class ExecuteCommandBatchHandler implements ICommandHandler<ExecuteCommandBatch, BatchOutcome[]> {
  constructor(private readonly single: ExecuteCommandHandler) {}

  execute(batch: ExecuteCommandBatch): Promise<BatchOutcome[]> {
    return this.single.executeBatch(batch.commands);
  }
}
