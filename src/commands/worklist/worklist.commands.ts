import { fold } from '../../domain/decider';
import { worklistDecider, WorklistEvent } from '../../domain/worklist';
import { AggregateDefinition } from '../command-definition';
import { fromLog } from '../domain-events';

/**
 * The programme team's worklist: no command writes its streams (the worklist
 * evaluator records their transitions, src/projections/worklist/), but its
 * state is served like every aggregate's: GET /v1/streams/worklist-<programme>
 * shows the items open with their since and threshold, and the date last evaluated at.
 */
export const worklistAggregate: AggregateDefinition = {
  category: 'worklist',
  commands: [],
  stateOf: (events) =>
    fold(
      worklistDecider,
      events.map((event) => fromLog<WorklistEvent>(event)),
    ),
};
