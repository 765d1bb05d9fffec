import { addDays } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { PlannedChain } from './pdsa';
import { AlwaysEventSpec } from './spec';

/** Drivers as teams drew them for an Always Event: reliability on every shift, and patients as partners. */
const PRIMARY = ['Reliable care on every shift', 'Patients and families as partners in care'] as const;
const SECONDARY: ReadonlyArray<readonly [text: string, primary: 0 | 1]> = [
  ['Equipment and information ready when needed', 0],
  ['Staff know the routine, nights and weekends included', 0],
  ['Patients asked what matters to them, in their own words', 1],
];
const REWORDED = 'Every shift owns the routine, handed over at each change of shift';

/**
 * The team's driver diagram: drawn a few days after the statement is agreed
 * (primary and secondary drivers, each change idea under a secondary driver),
 * each change idea linked to its PDSA cycles and the outcome measure when its
 * chain of cycles ends, and for most teams a revision months later, when PDSA
 * learning rewords a driver (and a driver left with no change idea is retired).
 */
export function planDriverDiagram(
  spec: AlwaysEventSpec,
  prng: Prng,
  timeline: Timeline,
  id: (label: string) => string,
  args: {
    agreedOn: string;
    definedOn: string;
    changeIdeas: Array<{ changeIdeaId: string; proposedOn: string }>;
    chains: readonly PlannedChain[];
    outcomeMeasureId: string;
    horizon: string;
    blocked: (day: string) => boolean;
  },
): void {
  const ae = { alwaysEventId: spec.alwaysEventId };
  const open = (day: string) => day < args.horizon && !args.blocked(day);
  const drawnOn = addDays(args.agreedOn, prng.int(2, 14));
  if (!open(drawnOn)) return;
  const primary = PRIMARY.map((text, i) => {
    const driverId = id(`${spec.label}/driver/primary/${i}`);
    timeline.add(drawnOn, 'AddDriver', { ...ae, driverId, level: 'Primary', text, parentDriverIds: [] });
    return driverId;
  });
  const secondary = SECONDARY.map(([text, under], i) => {
    const driverId = id(`${spec.label}/driver/secondary/${i}`);
    timeline.add(drawnOn, 'AddDriver', {
      ...ae,
      driverId,
      level: 'Secondary',
      text,
      parentDriverIds: [primary[under]],
    });
    return driverId;
  });
  const parentOf = (i: number) => [secondary[i % secondary.length]];
  args.changeIdeas.forEach(({ changeIdeaId, proposedOn }, i) => {
    const on = proposedOn > drawnOn ? proposedOn : drawnOn;
    if (open(on))
      timeline.add(on, 'LinkDriverDiagramItem', {
        ...ae,
        itemId: changeIdeaId,
        parentDriverIds: parentOf(i),
        pdsaCycleIds: [],
        measureIds: [],
      });
  });
  for (const chain of args.chains) {
    const i = args.changeIdeas.findIndex((c) => c.changeIdeaId === chain.changeIdeaId);
    const on = addDays(chain.endedOn, 1);
    if (i === -1 || !open(on) || on <= drawnOn || on < args.changeIdeas[i].proposedOn) continue;
    timeline.add(on, 'LinkDriverDiagramItem', {
      ...ae,
      itemId: chain.changeIdeaId,
      parentDriverIds: parentOf(i),
      pdsaCycleIds: chain.pdsaCycleIds,
      measureIds: on >= args.definedOn ? [args.outcomeMeasureId] : [],
    });
  }
  const revisedOn = addDays(drawnOn, prng.int(90, 200));
  if (!prng.chance(0.7) || !open(revisedOn)) return;
  timeline.add(revisedOn, 'RewordDriverDiagramItem', {
    ...ae,
    itemId: secondary[1],
    text: REWORDED,
    reason: 'PDSA learning: nights and weekends were where it slipped',
  });
  const used = new Set(args.changeIdeas.map((_, i) => i % secondary.length));
  if (!used.has(2))
    timeline.add(revisedOn, 'RetireDriverDiagramItem', {
      ...ae,
      itemId: secondary[2],
      reason: 'No change idea came under it; the co-design work covers it',
    });
}
