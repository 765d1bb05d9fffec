import type { EventStore } from '../../../src/event-store/port';
import { ProjectionRunner } from '../../../src/projections/runner/projection-runner';
import {
  ProgrammeEvaluation,
  runnerReadModels,
  WorklistEvaluation,
  WorklistEvaluator,
} from '../../../src/projections/worklist/worklist-evaluator';
import { FunctionClock } from '../../../src/shared/clock';
import type { TestApp } from '../../support/test-app';
import { CommandClient, expectCreated, programmeSlug } from '../../commands/command-client';

/** The month's return of an enrolled trust, submitted (the worklist's overdue item for it then closes). */
export async function submitReturn(
  client: CommandClient,
  odsCode: string,
  period: string,
  submittedOn: string,
): Promise<void> {
  expectCreated(
    await client.post('SubmitMonthlyReturn', {
      programmeSlug,
      odsCode,
      period,
      submittedOn,
      alwaysEventIds: [],
      measuresReported: 1,
    }),
  );
}

/** The one programme's result of a round that evaluated. */
export function only(evaluation: WorklistEvaluation): ProgrammeEvaluation {
  if (evaluation.status !== 'evaluated') throw new Error(`Not evaluated: ${JSON.stringify(evaluation)}`);
  expect(evaluation.programmes.map((p) => p.programmeSlug)).toEqual([programmeSlug]);
  return evaluation.programmes[0];
}

/** Another evaluator of the app's read models, on a store it may slow down, with a clock of its own. */
export function evaluatorBeside(t: TestApp, store: EventStore, now: () => Date): WorklistEvaluator {
  return new WorklistEvaluator({
    store,
    clock: new FunctionClock(now),
    readModels: runnerReadModels(t.app.get(ProjectionRunner), 10_000),
  });
}
