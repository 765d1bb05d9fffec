import { COMMITMENT_NAMES } from '../../../src/domain/participation';
import {
  PRACTICE_SPONSOR_POSTS,
  BELOW_BOARD_POSTS,
  BOARD_SPONSOR_POSTS,
  LOCAL_LEAD_ROLES,
  OVERSIGHT_TEAM_ROLES,
} from '../data/people';
import { COHORTS, PROGRAMME } from '../data/programme-shape';
import { DraftCommand } from '../commands';
import { addDays, maxDate } from '../dates';
import { Prng } from '../prng';
import { ParticipationChanges } from './changes-of-heart';
import { OrganisationPlan } from './organisations';
import { Timeline } from './timeline';

/** Every commitment NHS England asked for; enrolment needs them all. */
export const ALL_COMMITMENTS = Object.fromEntries(COMMITMENT_NAMES.map((name) => [name, true])) as Record<
  (typeof COMMITMENT_NAMES)[number],
  boolean
>;

function sponsorOf(prng: Prng, organisation: OrganisationPlan, id: (label: string) => string, label: string) {
  const posts = organisation.type === 'GPPractice' ? PRACTICE_SPONSOR_POSTS : BOARD_SPONSOR_POSTS;
  return { personId: id(`${organisation.odsCode}/${label}`), title: prng.pick(posts), isBoardLevel: true };
}

/**
 * From interest to enrolment (a Board-level sponsor and every
 * commitment), then a local lead and, for most, an oversight team. GP
 * practices are registered first: the trust register does not hold them.
 */
export function enrolmentCommands(
  organisation: OrganisationPlan,
  prng: Prng,
  id: (label: string) => string,
): DraftCommand[] {
  const timeline = new Timeline();
  const key = { programmeSlug: PROGRAMME.programmeSlug, odsCode: organisation.odsCode };
  const { wave, enrolledOn } = organisation;
  const earliest = maxDate(PROGRAMME.startDate, organisation.registration?.openDate ?? PROGRAMME.startDate);
  const signedOn = addDays(enrolledOn, -prng.int(1, 10));
  const assignedOn = addDays(signedOn, -prng.int(1, 10));
  const sponsorOn = addDays(assignedOn, -prng.int(3, 20));
  // Early pilots had days between the programme's start and their enrolment: keep the steps in order.
  const interestOn = maxDate(earliest, addDays(sponsorOn, -prng.int(7, 40)));
  const steps = [interestOn, sponsorOn, assignedOn, signedOn].map((day, i) =>
    maxDate(day, addDays(interestOn, i)),
  );
  if (organisation.registration) {
    timeline.add(organisation.registration.openDate, 'RegisterOrganisation', {
      odsCode: organisation.odsCode,
      name: organisation.name,
      type: organisation.type,
      regionCode: organisation.regionCode,
      isNhsTrust: false,
      openDate: organisation.registration.openDate,
    });
  }
  timeline.add(steps[0], 'ExpressInterest', {
    ...key,
    expressedOn: steps[0],
    channel: wave.channel,
    contactRole: prng.pick(['PatientExperienceLead', 'QualityImprovementLead', 'BoardExecutive'] as const),
  });
  timeline.add(steps[1], 'ConfirmExecutiveSponsor', {
    ...key,
    sponsor: sponsorOf(prng, organisation, id, 'sponsor/0'),
    confirmedOn: steps[1],
  });
  if (wave.cohortId)
    timeline.add(steps[2], 'AssignToCohort', { ...key, cohortId: wave.cohortId, assignedOn: steps[2] });
  timeline.add(steps[3], 'SignParticipationCommitment', {
    ...key,
    commitments: ALL_COMMITMENTS,
    signedOn: steps[3],
  });
  const enrolOn = maxDate(enrolledOn, addDays(steps[3], 1));
  timeline.add(enrolOn, 'EnrolOrganisation', {
    ...key,
    enrolledOn: enrolOn,
    phaseId: wave.phaseId,
    enrolmentRoute: wave.route,
    ...(wave.cohortId ? { cohortId: wave.cohortId } : {}),
  });
  const leadOn = addDays(enrolOn, prng.int(3, 30));
  timeline.add(leadOn, 'AppointLocalLead', {
    ...key,
    lead: { personId: id(`${organisation.odsCode}/lead`), role: prng.pick(LOCAL_LEAD_ROLES) },
    appointedOn: leadOn,
  });
  if (prng.chance(0.7)) {
    const members = OVERSIGHT_TEAM_ROLES.slice(0, prng.int(4, OVERSIGHT_TEAM_ROLES.length)).map(
      (role, i) => ({
        personId: id(`${organisation.odsCode}/oversight/${i}`),
        role,
      }),
    );
    const establishedOn = addDays(enrolOn, prng.int(20, 90));
    timeline.add(establishedOn, 'EstablishOversightTeam', {
      ...key,
      members,
      chairPersonId: members[0].personId,
      establishedOn,
    });
  }
  return timeline.commands();
}

/** The cohort launch day of a wave, if it came through one. */
export const cohortLaunchOf = (organisation: OrganisationPlan): string | null =>
  COHORTS.find((c) => c.cohortId === organisation.wave.cohortId)?.launchedOn ?? null;

/** Sponsor changes, vacancies, pauses and withdrawals: sent after the organisation's other work. */
export function changeCommands(
  organisation: OrganisationPlan,
  changes: ParticipationChanges,
  prng: Prng,
  id: (label: string) => string,
): DraftCommand[] {
  const timeline = new Timeline();
  const key = { programmeSlug: PROGRAMME.programmeSlug, odsCode: organisation.odsCode };
  const { vacancy, belowBoard, pause, withdrawal } = changes;
  const changeSponsor = (
    changedOn: string,
    sponsor: { personId: string; title: string; isBoardLevel: boolean },
  ) => timeline.add(changedOn, 'ChangeExecutiveSponsor', { ...key, sponsor, changedOn });
  if (vacancy) {
    timeline.add(vacancy.on, 'RecordSponsorVacancy', { ...key, vacatedOn: vacancy.on });
    if (vacancy.refilledOn) changeSponsor(vacancy.refilledOn, sponsorOf(prng, organisation, id, 'sponsor/1'));
  }
  if (belowBoard) {
    changeSponsor(belowBoard.on, {
      personId: id(`${organisation.odsCode}/sponsor/below`),
      title: prng.pick(BELOW_BOARD_POSTS),
      isBoardLevel: false,
    });
    if (belowBoard.boardLevelOn) {
      changeSponsor(belowBoard.boardLevelOn, sponsorOf(prng, organisation, id, 'sponsor/2'));
    }
  }
  if (pause) {
    timeline.add(pause.from, 'PauseParticipation', {
      ...key,
      pausedOn: pause.from,
      reason: 'Capacity',
      expectedResumeOn: pause.to,
    });
    timeline.add(pause.to, 'ResumeParticipation', { ...key, resumedOn: pause.to });
  }
  if (withdrawal)
    timeline.add(withdrawal.on, 'WithdrawOrganisation', {
      ...key,
      withdrawnOn: withdrawal.on,
      reason: withdrawal.reason,
    });
  return timeline.commands();
}
