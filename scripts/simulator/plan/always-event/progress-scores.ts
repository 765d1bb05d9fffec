import { addDays, monthEnd, monthOf, monthsFrom } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';

/** A dated change of the IHI progress score (0.5 intent ... 5.0 sustained results). */
export type ScoreStep = readonly [from: string, score: number];

function scoreOn(steps: readonly ScoreStep[], day: string): number {
  let score = 0.5;
  for (const [from, value] of steps) if (from <= day) score = value;
  return score;
}

/**
 * The monthly IHI progress score, reported a few days after each month ends
 * while the Always Event is open (not in a pause, not after closure); now and
 * then a month is missed or its score amended.
 */
export function planProgressScores(
  prng: Prng,
  timeline: Timeline,
  alwaysEventId: string,
  args: {
    initiatedOn: string;
    lastDay: string;
    steps: readonly ScoreStep[];
    blocked: (day: string) => boolean;
  },
): void {
  for (const month of monthsFrom(monthOf(args.initiatedOn), monthOf(args.lastDay))) {
    const reportedOn = addDays(monthEnd(month), prng.int(3, 12));
    if (reportedOn >= args.lastDay || args.blocked(reportedOn) || prng.chance(0.08)) continue;
    const score = scoreOn(args.steps, monthEnd(month));
    timeline.add(reportedOn, 'RecordProgressScore', { alwaysEventId, period: month, score });
    const amendedOn = addDays(reportedOn, prng.int(2, 10));
    if (score < 5 && prng.chance(0.03) && amendedOn < args.lastDay && !args.blocked(amendedOn)) {
      timeline.add(amendedOn, 'RecordProgressScore', {
        alwaysEventId,
        period: month,
        score: score + 0.5,
        note: 'Amended after the coaching call',
      });
    }
  }
}
