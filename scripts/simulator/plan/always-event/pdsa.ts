import type { PdsaDecision, PredictionOutcome } from '../../../../src/domain/pdsa';
import { addDays, periodOf } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { MeasureIds } from './measures';
import { AlwaysEventSpec } from './spec';

export interface AdoptedCycle {
  pdsaCycleId: string;
  changeIdeaId: string;
  completedOn: string;
}

/** One change idea's chain of cycles, as far as it got, and the day its last cycle finished. */
export interface PlannedChain {
  changeIdeaId: string;
  pdsaCycleIds: string[];
  endedOn: string;
}

export interface PdsaOutcome {
  adopted: AdoptedCycle[];
  chains: PlannedChain[];
  /** The first cycle that completed with Adapt or Adopt: the team has learnt something. */
  firstLearningOn: string | null;
  lastPlannedOn: string | null;
}

type ChainFate = 'adopt' | 'abandon' | 'cancel';

/** The decisions a chain of cycles takes on one change idea: adapt, then adopt (or abandon). */
function decisionsFor(prng: Prng, fate: ChainFate): PdsaDecision[] {
  const adapts = prng.weighted([
    [0, 30],
    [1, 45],
    [2, 25],
  ] as const);
  const chain: PdsaDecision[] = Array.from({ length: adapts }, () => 'Adapt');
  if (fate === 'adopt') {
    chain.push('Adopt');
    // Some teams test an adopted change once more at a larger scale before implementing it everywhere.
    if (prng.chance(0.15)) chain.push('Adopt');
  } else if (fate === 'abandon') chain.push('Abandon');
  return chain;
}

const PREDICTIONS = [
  'Most patients will say it always happened',
  'Staff will manage it without extra time on the shift',
  'Families will notice the difference within a week',
];
const OUTCOMES: Record<PdsaDecision, readonly PredictionOutcome[]> = {
  Adopt: ['Confirmed', 'Confirmed', 'Partly'],
  Adapt: ['Partly', 'Refuted', 'Partly'],
  Abandon: ['Refuted', 'Refuted', 'Partly'],
};
const RESULTS: Record<PdsaDecision, string> = {
  Adopt: 'It happened for nearly every patient and staff found it workable',
  Adapt: 'It worked on day shifts but was missed at night and at weekends',
  Abandon: 'Patients did not notice a difference and it took staff away from care',
};
const LEARNING: Record<PdsaDecision, string> = {
  Adopt: 'Ready to become the way we work; keep measuring',
  Adapt: 'Build it into handover so every shift owns it',
  Abandon: 'Not the right change for this unit; go back to the co-design ideas',
};
const NEXT_STEPS: Record<PdsaDecision, string> = {
  Adopt: 'Make it part of every shift and keep measuring',
  Adapt: 'Change the timing and test again with more patients',
  Abandon: 'Stop this change and test another idea from the co-design sessions',
};

/**
 * PDSA chains during testing: each tests one change idea, small first and
 * larger after each Adapt or Adopt, until the team adopts, abandons or
 * cancels it. Cycles start after testing starts and finish by `endOn`.
 */
export function planPdsaChains(
  spec: AlwaysEventSpec,
  prng: Prng,
  timeline: Timeline,
  id: (label: string) => string,
  args: { testingOn: string; changeIdeaIds: string[]; measures: MeasureIds; endOn: string },
): PdsaOutcome {
  const outcome: PdsaOutcome = { adopted: [], chains: [], firstLearningOn: null, lastPlannedOn: null };
  const days = (min: number, max: number) => Math.max(1, Math.round(prng.int(min, max) * spec.pace));
  const chains = Math.min(
    args.changeIdeaIds.length,
    spec.trajectory.improves ? prng.int(1, 3) : prng.int(1, 2),
  );
  let chainStart = addDays(args.testingOn, days(3, 20));
  for (let c = 0; c < chains; c++) {
    const fate: ChainFate =
      c === 0 && (spec.trajectory.improves || prng.chance(0.5))
        ? 'adopt'
        : prng.weighted([
            ['adopt', 55],
            ['abandon', 35],
            ['cancel', 10],
          ] as const);
    const decisions = decisionsFor(prng, fate);
    const changeIdeaId = args.changeIdeaIds[c];
    let previousCycleId: string | undefined;
    let scale = { nPatients: prng.int(1, 5), durationDays: prng.int(1, 3) };
    let day = chainStart;
    const chain: PlannedChain = { changeIdeaId, pdsaCycleIds: [], endedOn: day };
    for (let n = 0; n <= decisions.length; n++) {
      const decision = decisions[n] as PdsaDecision | undefined;
      // A cancelled chain ends with one more cycle planned and then cancelled.
      if (decision === undefined && fate !== 'cancel') break;
      const runDays = Math.max(1, Math.round(scale.durationDays * spec.pace));
      const completeOn = addDays(day, runDays + 4);
      if (completeOn > args.endOn) break;
      const pdsaCycleId = id(`${spec.label}/pdsa/${c}/${n}`);
      const predictions = prng.sample(PREDICTIONS, prng.int(1, 2));
      timeline.add(day, 'PlanPdsaCycle', {
        pdsaCycleId,
        alwaysEventId: spec.alwaysEventId,
        changeIdeaId,
        cycleNumber: n + 1,
        ...(previousCycleId ? { previousCycleId } : {}),
        objective: `Test "${spec.changeIdeas[c]}" on ${spec.homeUnit.name}`,
        questions: ['Does it happen for every patient?', 'What do patients and staff say about it?'],
        predictions,
        plan: {
          who: prng.pick(spec.testers),
          what: spec.changeIdeas[c],
          where: spec.homeUnit.name,
          when:
            n === 0 ? 'Weekday day shifts for the first test' : `Every shift for ${scale.durationDays} days`,
        },
        scale: { unit: 'patients', nPatients: scale.nPatients, durationDays: scale.durationDays },
        dataToCollect: ['Patients asked', 'Patients answering Always', 'Minutes of staff time'],
      });
      // Chains overlap: a later chain can end before an earlier one's last cycle.
      if (outcome.lastPlannedOn === null || day > outcome.lastPlannedOn) outcome.lastPlannedOn = day;
      chain.pdsaCycleIds.push(pdsaCycleId);
      const startOn = addDays(day, 1);
      timeline.add(startOn, 'StartPdsaCycle', { pdsaCycleId });
      if (prng.chance(0.4)) {
        timeline.add(addDays(startOn, Math.floor(runDays / 2)), 'RecordObservation', {
          pdsaCycleId,
          observationId: id(`${spec.label}/pdsa/${c}/${n}/observation`),
          kind: prng.pick(['Problem', 'Unexpected', 'Data'] as const),
          text: prng.pick([
            'Night staff had not heard about the test',
            'One patient preferred to be asked by a family member',
            'Took about three minutes per patient',
          ]),
          observedOn: addDays(startOn, Math.floor(runDays / 2)),
        });
      }
      if (decision === undefined) {
        chain.endedOn = addDays(startOn, Math.floor(runDays / 2) + 1);
        timeline.add(chain.endedOn, 'CancelPdsaCycle', {
          pdsaCycleId,
          reason: 'The unit closed to admissions during an outbreak',
        });
        break;
      }
      const studyOn = addDays(startOn, runDays + 1);
      timeline.add(studyOn, 'RecordStudy', {
        pdsaCycleId,
        resultsSummary: RESULTS[decision],
        predictionOutcomes: predictions.map((_, predictionIndex) => ({
          predictionIndex,
          outcome: prng.pick(OUTCOMES[decision]),
        })),
        learning: LEARNING[decision],
      });
      const completedOn = addDays(studyOn, 2);
      chain.endedOn = completedOn;
      timeline.add(completedOn, 'CompletePdsaCycle', {
        pdsaCycleId,
        decision,
        nextSteps: NEXT_STEPS[decision],
      });
      if (decision !== 'Abandon' && outcome.firstLearningOn === null) outcome.firstLearningOn = completedOn;
      if (decision === 'Adopt') {
        outcome.adopted.push({ pdsaCycleId, changeIdeaId, completedOn });
        timeline.add(completedOn, 'AnnotateChart', {
          measureId: args.measures.outcome,
          annotationId: id(`${spec.label}/pdsa/${c}/${n}/annotation`),
          period: periodOf(completedOn, spec.outcome.frequency),
          text: `Adopted: ${spec.changeIdeas[c]}`.slice(0, 500),
          pdsaCycleId,
          changeIdeaId,
        });
      }
      previousCycleId = pdsaCycleId;
      scale = {
        nPatients: scale.nPatients * prng.int(2, 4),
        durationDays: Math.min(60, scale.durationDays * prng.int(2, 4)),
      };
      day = addDays(completedOn, days(1, 7));
    }
    if (chain.pdsaCycleIds.length > 0) outcome.chains.push(chain);
    chainStart = addDays(chainStart, days(10, 35));
  }
  return outcome;
}
