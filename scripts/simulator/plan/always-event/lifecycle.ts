import type { ClosureReason } from '../../../../src/domain/always-event';
import { DraftCommand } from '../../commands';
import { addDays, maxDate, periodOf, periodStart } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { planScaleUp, planSustainment } from './after-implementation';
import { Correction, firstDayAimAchieved } from './aim-evidence';
import { planCoDesign } from './co-design';
import { drawOutcome, emitMeasurements } from './measurements';
import { planDriverDiagram } from './driver-diagram';
import { defineMeasures } from './measures';
import { planRecalculation } from './recalculation';
import { planPdsaChains } from './pdsa';
import { planProgressScores, ScoreStep } from './progress-scores';
import { AlwaysEventFacts, AlwaysEventSpec } from './spec';

export interface PlannedAlwaysEvent {
  commands: DraftCommand[];
  facts: AlwaysEventFacts;
}

/**
 * One Always Event's whole history, in business-time order: co-design to an
 * agreed statement, measures, testing with PDSA chains, implementation, the
 * aim achieved when the server's rule will say so, sustainment, scale-up,
 * progress scores, and for some a pause or closure.
 */
export function planAlwaysEvent(
  spec: AlwaysEventSpec,
  seed: Prng,
  id: (label: string) => string,
): PlannedAlwaysEvent {
  const prng = seed.fork(spec.label);
  const timeline = new Timeline();
  const ae = { alwaysEventId: spec.alwaysEventId };
  const days = (min: number, max: number) => Math.max(1, Math.round(prng.int(min, max) * spec.pace));
  const steps: ScoreStep[] = [
    [spec.initiatedOn, 0.5],
    [addDays(spec.initiatedOn, 14), 1],
  ];

  const coDesign = planCoDesign(spec, prng.fork('co-design'), timeline, id);
  steps.push([coDesign.coDesignOn, 1.5], [coDesign.agreedOn, 2]);
  const definedOn = addDays(coDesign.agreedOn, days(1, 10));
  const measures = defineMeasures(spec, timeline, id, definedOn);
  const weekly = spec.outcome.frequency === 'Weekly';
  const testingOn = addDays(definedOn, weekly ? days(35, 70) : days(75, 120));
  const testing = testingOn < spec.endOn;
  if (testing) {
    timeline.add(testingOn, 'StartTesting', ae);
    steps.push([testingOn, 2.5]);
  }
  const pdsa = testing
    ? planPdsaChains(spec, prng.fork('pdsa'), timeline, id, {
        testingOn,
        changeIdeaIds: coDesign.changeIdeaIds,
        measures,
        endOn: spec.endOn,
      })
    : { adopted: [], chains: [], firstLearningOn: null, lastPlannedOn: null };
  if (pdsa.firstLearningOn) steps.push([pdsa.firstLearningOn, 3]);

  const firstAdopted = pdsa.adopted[0]?.completedOn;
  const implementOn = firstAdopted ? addDays(firstAdopted, days(3, 14)) : null;
  const implementedOn = implementOn !== null && implementOn < spec.endOn ? implementOn : null;
  if (implementedOn !== null) {
    const on = implementedOn;
    timeline.add(on, 'StartImplementation', {
      ...ae,
      pdsaCycleIds: pdsa.adopted.filter((c) => c.completedOn < on).map((c) => c.pdsaCycleId),
    });
    timeline.add(on, 'AnnotateChart', {
      measureId: measures.outcome,
      annotationId: id(`${spec.label}/annotation/implementation`),
      period: periodOf(on, spec.outcome.frequency),
      text: 'Implementation started on the home unit',
    });
    steps.push([on, 3.5], [addDays(on, 90), 4]);
  }

  // Improvement starts with the first adopted change; some Always Events never move (trajectory.improves).
  const adoptedOn = pdsa.adopted[0]?.completedOn ?? null;
  const outcome = drawOutcome(spec, prng.fork('outcome'), { definedOn, testingOn, adoptedOn });
  const corrections: Correction[] = outcome.corrections;
  const declaredOn =
    implementedOn === null
      ? null
      : firstDayAimAchieved(
          outcome.points,
          corrections,
          spec.aim.targetPct,
          maxDate(implementedOn, addDays(pdsa.lastPlannedOn ?? implementedOn, 1)),
        );

  const closure = closureOf(spec, prng, { testingOn, implementedOn, declaredOn });
  const horizon = closure?.on ?? spec.endOn;
  const pause =
    declaredOn !== null && spec.caseStudy === null && prng.chance(0.05)
      ? pauseAfter(prng, declaredOn, horizon)
      : null;
  const blocked = (day: string) => pause !== null && day >= pause.from && day <= pause.to;

  const { reported, baselinePeriods, process, processRevised } = emitMeasurements(
    timeline,
    measures,
    spec,
    prng.fork('measurements'),
    {
      outcome: outcome.points,
      corrections,
      definedOn,
      testingOn,
      implementedOn,
      horizon,
      skip: blocked,
      retireBalancingOn: declaredOn && prng.chance(0.2) ? addDays(declaredOn, prng.int(30, 120)) : null,
    },
  );
  if (declaredOn !== null && declaredOn < horizon) {
    timeline.add(declaredOn, 'DeclareAimAchieved', { ...ae, measureId: measures.outcome });
    steps.push([declaredOn, 4.5]);
    steps.push(
      ...planSustainment(spec, timeline, {
        declaredOn,
        horizon,
        points: reported,
        measureId: measures.outcome,
        blocked,
      }),
    );
  }
  const idea = adoptedIdea(spec, coDesign.changeIdeaIds, pdsa.adopted[0]?.changeIdeaId);
  planRecalculation(spec, timeline, {
    measureId: measures.outcome,
    points: reported,
    corrections,
    baselinePeriods,
    baselineOn: testingOn,
    targetPct: spec.aim.targetPct,
    cause:
      adoptedOn && idea ? { since: adoptedOn, reason: `Sustained shift after "${idea}" was adopted` } : null,
    horizon,
    blocked,
  });
  planRecalculation(spec, timeline, {
    measureId: measures.process,
    points: process,
    corrections: [],
    baselinePeriods: [],
    baselineOn: testingOn,
    revised: processRevised,
    targetPct: 95,
    cause: implementedOn
      ? { since: implementedOn, reason: 'Sustained shift since implementation started on the home unit' }
      : null,
    horizon,
    blocked,
  });
  planDriverDiagram(spec, prng.fork('driver-diagram'), timeline, id, {
    agreedOn: coDesign.agreedOn,
    definedOn,
    changeIdeas: coDesign.changeIdeaIds.map((changeIdeaId, i) => ({
      changeIdeaId,
      proposedOn: coDesign.proposedOn[i],
    })),
    chains: pdsa.chains,
    outcomeMeasureId: measures.outcome,
    horizon,
    blocked,
  });
  if (implementedOn !== null && spec.scaleUpUnits.length > 0) {
    planScaleUp(spec, prng.fork('scale-up'), timeline, {
      implementedOn,
      horizon,
      outcomeMeasureId: measures.outcome,
      finalPct: spec.trajectory.finalPct,
      blocked,
    });
  }
  planTeamChanges(spec, prng, timeline, { agreedOn: coDesign.agreedOn, horizon, blocked });
  if (pause) {
    timeline.add(pause.from, 'PauseAlwaysEvent', {
      ...ae,
      reason: 'Staffing shortfall on the unit',
      expectedResumeDate: pause.to,
    });
    timeline.add(pause.to, 'ResumeAlwaysEvent', ae);
  }
  planProgressScores(prng.fork('progress'), timeline, spec.alwaysEventId, {
    initiatedOn: spec.initiatedOn,
    lastDay: horizon,
    steps: [...steps].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    blocked,
  });
  if (closure)
    timeline.add(closure.on, 'CloseAlwaysEvent', { ...ae, reason: closure.reason, note: closure.note });
  return {
    // An Always Event started late may still be in co-design when its organisation withdraws or the
    // history ends: nothing after that day happens (what depends on a dropped command comes later still).
    commands: timeline.commands().filter((c) => c.at.slice(0, 10) <= horizon),
    facts: {
      alwaysEventId: spec.alwaysEventId,
      odsCode: spec.odsCode,
      setting: spec.homeUnit.setting,
      initiatedOn: spec.initiatedOn,
      closedOn: closure?.on ?? null,
      measuresDefinedOn: [definedOn, definedOn, ...(measures.balancing ? [definedOn] : [])],
    },
  };
}

/** The words of the change idea a chain adopted, for the reason a recalculation gives. */
function adoptedIdea(
  spec: AlwaysEventSpec,
  ids: readonly string[],
  adopted: string | undefined,
): string | null {
  const index = adopted === undefined ? -1 : ids.indexOf(adopted);
  return index === -1 ? null : spec.changeIdeas[index];
}

function closureOf(
  spec: AlwaysEventSpec,
  prng: Prng,
  at: { testingOn: string; implementedOn: string | null; declaredOn: string | null },
): { on: string; reason: ClosureReason; note: string } | null {
  if (spec.closeAtEnd) return { on: spec.endOn, reason: spec.closeAtEnd, note: 'The organisation withdrew' };
  if (spec.caseStudy) return null;
  if (at.implementedOn === null && prng.chance(0.5)) {
    const on = addDays(at.testingOn, prng.int(240, 420));
    if (on < spec.endOn) return { on, reason: 'Abandoned', note: 'No change tested made a difference' };
  }
  if (at.declaredOn !== null && prng.chance(0.15)) {
    const on = addDays(at.declaredOn, prng.int(365, 540));
    if (on < spec.endOn)
      return { on, reason: 'Completed', note: 'Part of everyday practice; no longer a project' };
  }
  return null;
}

function pauseAfter(prng: Prng, declaredOn: string, horizon: string): { from: string; to: string } | null {
  const from = addDays(declaredOn, prng.int(60, 200));
  const to = addDays(from, prng.int(30, 90));
  return addDays(to, 30) < horizon ? { from, to } : null;
}

/** Aims revised and members leaving after agreement, as teams change. */
function planTeamChanges(
  spec: AlwaysEventSpec,
  prng: Prng,
  timeline: Timeline,
  args: { agreedOn: string; horizon: string; blocked: (day: string) => boolean },
): void {
  const ae = { alwaysEventId: spec.alwaysEventId };
  const reviseOn = addDays(args.agreedOn, prng.int(60, 200));
  if (
    spec.caseStudy === null &&
    spec.aim.deadline &&
    prng.chance(0.08) &&
    reviseOn < args.horizon &&
    !args.blocked(reviseOn)
  ) {
    timeline.add(reviseOn, 'ReviseAim', {
      ...ae,
      aim: {
        population: spec.aim.population,
        behaviourOrOutcome: spec.aim.behaviourOrOutcome,
        targetPct: spec.aim.targetPct,
        deadline: periodStart(periodOf(addDays(spec.aim.deadline, 183), 'Monthly')),
      },
      reason: 'Deadline moved after a slow start to testing',
    });
  }
  const leaveOn = addDays(args.agreedOn, prng.int(30, 300));
  if (prng.chance(0.15) && leaveOn < args.horizon && !args.blocked(leaveOn)) {
    timeline.add(leaveOn, 'RemoveCoDesignTeamMember', {
      ...ae,
      memberId: 'S-02',
      reason: prng.pick(['Moved to another post', 'Stepped back for personal reasons']),
    });
  }
}
