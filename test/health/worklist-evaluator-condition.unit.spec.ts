import { worklistEvaluatorCondition } from '../../src/health/worklist-evaluator.health';
import type { WorklistEvaluatorStatus } from '../../src/projections/worklist/worklist-evaluator-runner';

const STARTED = Date.parse('2018-01-01T09:00:00Z');
const at = (ms: number) => new Date(STARTED + ms).toISOString();
const running: WorklistEvaluatorStatus = {
  runsHere: true,
  intervalMs: 60_000,
  startedAt: at(0),
  holdsLease: true,
  lastRound: { at: at(60_000), outcome: 'evaluated' },
  lastCompletedAt: at(60_000),
  lastError: null,
};

describe('the worklist evaluator condition in /health/ready', () => {
  it('is off where it does not run, standby where another instance holds the lease', () => {
    expect(worklistEvaluatorCondition({ ...running, runsHere: false }, STARTED)).toBe('off');
    expect(
      worklistEvaluatorCondition(
        { ...running, holdsLease: false, lastRound: { at: at(0), outcome: 'standby' } },
        STARTED + 3_600_000,
      ),
    ).toBe('standby');
  });

  it('is live holding the lease until more than three intervals pass without a completed round, then degraded', () => {
    expect(worklistEvaluatorCondition(running, STARTED + 60_000 + 180_000)).toBe('live');
    expect(worklistEvaluatorCondition(running, STARTED + 60_000 + 180_001)).toBe('degraded');
  });

  it('counts from the start before the first completed round (read models still behind)', () => {
    const behind: WorklistEvaluatorStatus = {
      ...running,
      lastRound: { at: at(120_000), outcome: 'read-models-behind' },
      lastCompletedAt: null,
    };
    expect(worklistEvaluatorCondition(behind, STARTED + 180_000)).toBe('live');
    expect(worklistEvaluatorCondition(behind, STARTED + 180_001)).toBe('degraded');
  });

  it('is degraded when the last round failed, holding the lease or not', () => {
    const failed: WorklistEvaluatorStatus = {
      ...running,
      lastRound: { at: at(120_000), outcome: 'failed' },
      lastError: 'store unreachable',
    };
    expect(worklistEvaluatorCondition(failed, STARTED + 120_000)).toBe('degraded');
    expect(worklistEvaluatorCondition({ ...failed, holdsLease: false }, STARTED + 120_000)).toBe('degraded');
  });
});
