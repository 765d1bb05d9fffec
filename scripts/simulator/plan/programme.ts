import { COHORTS, MANDATE_TARGET, PHASES, PROGRAMME, SIMULATION_END } from '../data/programme-shape';
import { DraftCommand } from '../commands';
import { Timeline } from './timeline';

const slug = { programmeSlug: PROGRAMME.programmeSlug };

/** The programme's launch, phases, the Mandate target and the cohorts, each on its own date. */
export function programmeCommands(): DraftCommand[] {
  const timeline = new Timeline();
  timeline.add(PROGRAMME.startDate, 'LaunchProgramme', {
    ...slug,
    name: PROGRAMME.name,
    sponsors: [...PROGRAMME.sponsors],
    startDate: PROGRAMME.startDate,
  });
  for (const { definedOn, ...phase } of PHASES) timeline.add(definedOn, 'DefinePhase', { ...slug, ...phase });
  timeline.add(MANDATE_TARGET.setDate, 'SetEnrolmentTarget', { ...slug, ...MANDATE_TARGET });
  for (const cohort of COHORTS) {
    timeline.add(cohort.scheduledOn, 'ScheduleCohort', {
      ...slug,
      cohortId: cohort.cohortId,
      phaseId: cohort.phaseId,
      name: cohort.name,
      plannedLaunchDate: cohort.launchedOn,
      ...(cohort.location ? { location: cohort.location } : {}),
    });
    timeline.add(cohort.launchedOn, 'LaunchCohort', {
      ...slug,
      cohortId: cohort.cohortId,
      launchedOn: cohort.launchedOn,
      format: cohort.format,
    });
  }
  return timeline.commands();
}

/** Cohorts close once their organisations have enrolled: sent after every enrolment. */
export function cohortClosingCommands(): DraftCommand[] {
  const timeline = new Timeline();
  for (const cohort of COHORTS) {
    if (cohort.closedOn)
      timeline.add(cohort.closedOn, 'CloseCohort', {
        ...slug,
        cohortId: cohort.cohortId,
        closedOn: cohort.closedOn,
      });
  }
  return timeline.commands();
}

/**
 * The programme closes when the simulation ends, after everything else, so
 * its reports (return compliance, curves) end there rather than today.
 */
export function programmeClosingCommands(): DraftCommand[] {
  const timeline = new Timeline();
  timeline.add(SIMULATION_END, 'CloseProgramme', {
    ...slug,
    closedOn: SIMULATION_END,
    reason: 'The national programme ended; organisations carry on their Always Events as usual practice',
  });
  return timeline.commands();
}
