import type { LearningChannel } from '../../../src/domain/engagement';
import { LEARNING_TITLES } from '../data/people';
import { PROGRAMME, SIMULATION_END } from '../data/programme-shape';
import { DraftCommand } from '../commands';
import { addDays, minDate, monthEnd, monthOf, monthsFrom } from '../dates';
import { Prng } from '../prng';
import { AlwaysEventFacts } from './always-event/spec';
import { ParticipationChanges } from './changes-of-heart';
import { OrganisationPlan } from './organisations';
import { cohortLaunchOf } from './participation';
import { Timeline } from './timeline';

/**
 * The national team's support and the organisation's monthly returns:
 * coaching calls, a site visit, leadership and all-site calls; one return a
 * month while enrolled (most on time, some late, a few missing or amended);
 * learning shared with other providers.
 */
export function engagementCommands(
  organisation: OrganisationPlan,
  changes: ParticipationChanges,
  alwaysEvents: readonly AlwaysEventFacts[],
  lastDay: string,
  prng: Prng,
): DraftCommand[] {
  const timeline = new Timeline();
  const key = { programmeSlug: PROGRAMME.programmeSlug, odsCode: organisation.odsCode };
  const enrolledOn = organisation.enrolledOn;
  const within = (day: string) => day >= enrolledOn && day <= lastDay;

  const launch = cohortLaunchOf(organisation);
  if (launch && organisation.wave.cohortId) {
    timeline.add(launch, 'RecordSupportContact', {
      ...key,
      contactType: 'CohortLaunchEvent',
      heldOn: launch,
      attendeesCount: prng.int(2, 6),
      sessionRef: `launch-${organisation.wave.cohortId}`,
    });
  }
  const contact = (
    day: string,
    contactType: 'CoachingCall' | 'SiteVisit' | 'LeadershipCall' | 'AllSiteCall',
    sessionRef?: string,
  ) => {
    if (!within(day)) return;
    timeline.add(day, 'RecordSupportContact', {
      ...key,
      contactType,
      heldOn: day,
      attendeesCount: contactType === 'SiteVisit' ? prng.int(6, 20) : prng.int(1, 5),
      ...(sessionRef ? { sessionRef } : {}),
    });
  };
  for (let i = 0, count = prng.int(3, 6); i < count; i++)
    contact(addDays(enrolledOn, 20 + 30 * i + prng.int(0, 7)), 'CoachingCall');
  contact(addDays(enrolledOn, prng.int(60, 200)), 'SiteVisit');
  for (let i = 0, count = prng.int(1, 3); i < count; i++)
    contact(addDays(enrolledOn, 90 * (i + 1) + prng.int(0, 14)), 'LeadershipCall');
  for (const month of monthsFrom(monthOf(enrolledOn), monthOf(lastDay))) {
    // All-site calls every other month; an organisation joins about half of them.
    if (Number(month.slice(5)) % 2 === 0 && prng.chance(0.5))
      contact(`${month}-15`, 'AllSiteCall', `all-site-${month}`);
  }

  const lastMonth = monthOf(minDate(lastDay, addDays(SIMULATION_END, -31)));
  for (const month of monthsFrom(monthOf(enrolledOn), lastMonth)) {
    const end = monthEnd(month);
    const paused = changes.pause !== null && end >= changes.pause.from && end < changes.pause.to;
    if (paused || prng.chance(0.05)) continue;
    const late = prng.chance(0.12);
    const submittedOn = addDays(end, late ? prng.int(35, 100) : prng.int(3, 25));
    if (submittedOn > lastDay) continue;
    const open = alwaysEvents.filter(
      (ae) => ae.initiatedOn <= end && (ae.closedOn === null || ae.closedOn >= `${month}-01`),
    );
    const content = {
      period: month,
      alwaysEventIds: open.map((ae) => ae.alwaysEventId).slice(0, 100),
      measuresReported: Math.min(
        1000,
        open.reduce((n, ae) => n + ae.measuresDefinedOn.filter((d) => d <= end).length, 0),
      ),
    };
    timeline.add(submittedOn, 'SubmitMonthlyReturn', { ...key, ...content, submittedOn });
    const amendedOn = addDays(submittedOn, prng.int(5, 40));
    if (prng.chance(0.03) && amendedOn <= lastDay) {
      timeline.add(amendedOn, 'AmendMonthlyReturn', {
        ...key,
        ...content,
        measuresReported: content.measuresReported + 1,
        amendedOn,
      });
    }
  }

  for (let i = 0, count = prng.int(0, 2); i < count; i++) {
    const sharedOn = addDays(enrolledOn, prng.int(270, 900));
    if (!within(sharedOn)) continue;
    const started = alwaysEvents.filter((ae) => ae.initiatedOn < sharedOn);
    timeline.add(sharedOn, 'RecordLearningShared', {
      ...key,
      channel: prng.pick<LearningChannel>(['Conference', 'CaseStudy', 'WebinarTalk', 'AllSiteCall']),
      sharedOn,
      ...(started.length > 0 ? { alwaysEventId: prng.pick(started).alwaysEventId } : {}),
      title: prng.pick(LEARNING_TITLES),
    });
  }
  return timeline.commands();
}
