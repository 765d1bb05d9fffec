import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { WorklistEvaluator, WorklistEvaluation } from './worklist-evaluator';

/**
 * What became of a round: `evaluated`; `read-models-behind` (nothing compared,
 * the next round tries again); `failed` (an error); `standby` (another
 * instance holds the lease, nothing done).
 */
export type WorklistRoundOutcome = WorklistEvaluation['status'] | 'failed' | 'standby';

const KINDS = ['opened', 'closed', 'revised'] as const;

/** The worklist evaluator's numbers for GET /metrics. */
@Injectable()
export class WorklistEvaluatorMetrics {
  private readonly rounds: Counter<'outcome'>;
  private readonly transitions: Counter<'kind'>;
  private readonly conflicts: Counter;
  private readonly errors: Counter;
  private readonly lastCompleted: Gauge;
  private readonly leaseHeld: Gauge;

  constructor(registry: Registry, evaluator: WorklistEvaluator) {
    const registers = [registry];
    this.rounds = new Counter({
      name: 'worklist_evaluator_rounds_total',
      help: 'Rounds of the worklist evaluator in this process, by outcome (evaluated, read-models-behind, failed, standby).',
      labelNames: ['outcome'],
      registers,
    });
    this.transitions = new Counter({
      name: 'worklist_evaluator_transitions_total',
      help: 'Worklist transitions this process appended, by kind (opened, closed, revised).',
      labelNames: ['kind'],
      registers,
    });
    for (const kind of KINDS) this.transitions.inc({ kind }, 0);
    this.conflicts = new Counter({
      name: 'worklist_evaluator_conflicts_total',
      help: 'Appends refused because another evaluator wrote first, each followed by a fresh look.',
      registers,
    });
    this.errors = new Counter({
      name: 'worklist_evaluator_errors_total',
      help: 'Rounds that ended in an error (the next round tries again).',
      registers,
    });
    this.lastCompleted = new Gauge({
      name: 'worklist_evaluator_last_completed_timestamp_seconds',
      help: 'When a round last evaluated every programme (Unix time); absent before the first.',
      registers,
    });
    this.leaseHeld = new Gauge({
      name: 'worklist_evaluator_lease_held',
      help: '1 while this process holds the worklist evaluator lease.',
      registers,
    });
    new Gauge({
      name: 'worklist_open_items',
      help: "Items open in each programme's worklist stream, as the log records them (where the evaluator has run).",
      labelNames: ['programme'],
      registers,
      async collect() {
        // A store that does not answer leaves the last values: the scrape itself must not fail.
        const counts = await evaluator.openItems().catch(() => ({}));
        for (const [programme, open] of Object.entries(counts)) this.set({ programme }, open);
      },
    });
  }

  round(outcome: WorklistRoundOutcome, holdsLease: boolean): void {
    this.rounds.inc({ outcome });
    this.leaseHeld.set(holdsLease ? 1 : 0);
    if (outcome === 'failed') this.errors.inc();
  }

  evaluated(evaluation: Extract<WorklistEvaluation, { status: 'evaluated' }>, at: Date): void {
    for (const programme of evaluation.programmes) {
      for (const kind of KINDS) this.transitions.inc({ kind }, programme[kind]);
      this.conflicts.inc(programme.conflicts);
    }
    this.lastCompleted.set(at.getTime() / 1000);
  }
}
