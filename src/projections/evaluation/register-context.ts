import { OrganisationEvent } from '../../domain/organisation';
import { ParticipationEvent } from '../../domain/participation';
import { ProgrammeEvent } from '../../domain/programme';
import { participationKey } from '../spread/spread-state';
import { cohortKey, ParticipationFacts, RegisterState } from './register-state';

/** Names and regions of organisations, as the register says now (renames apply to every date). */
export function applyOrganisation(state: RegisterState, e: OrganisationEvent): void {
  if (e.type === 'OrganisationRegistered') {
    const { odsCode, name, regionCode, region } = e.data;
    state.organisations[odsCode] = { name, regionCode, region };
  } else if (e.type === 'OrganisationRenamed' && state.organisations[e.data.odsCode]) {
    state.organisations[e.data.odsCode].name = e.data.newName;
  }
}

/** Only cohort names: the funnel and progress scores are reported by cohort. */
export function applyProgramme(state: RegisterState, e: ProgrammeEvent): void {
  if (e.type === 'CohortScheduled')
    state.cohorts[cohortKey(e.data.programmeSlug, e.data.cohortId)] = e.data.name;
}

function participation(state: RegisterState, key: { programmeSlug: string; odsCode: string }) {
  const id = participationKey(key.programmeSlug, key.odsCode);
  state.participations[id] ??= {
    programmeSlug: key.programmeSlug,
    odsCode: key.odsCode,
    enrolledOn: null,
    cohortId: null,
  } satisfies ParticipationFacts;
  return state.participations[id];
}

/** Enrolment starts the funnel; the cohort is the latest one the organisation was placed in. */
export function applyParticipation(state: RegisterState, e: ParticipationEvent): void {
  if (e.type === 'OrganisationEnrolled') {
    const p = participation(state, e.data);
    p.enrolledOn = e.data.enrolledOn;
    p.cohortId = e.data.cohortId ?? p.cohortId;
  } else if (e.type === 'OrganisationAssignedToCohort') {
    participation(state, e.data).cohortId = e.data.cohortId;
  }
}
