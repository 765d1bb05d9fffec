import type {
  ChangeIdeaOrigin,
  CoDesignMember,
  ListeningMethod,
  ReviewCadence,
} from '../../../../src/domain/always-event';
import { addDays } from '../../dates';
import { Prng } from '../../prng';
import { Timeline } from '../timeline';
import { AlwaysEventSpec } from './spec';

export interface CoDesignOutcome {
  coDesignOn: string;
  agreedOn: string;
  changeIdeaIds: string[];
  /** The day each change idea was proposed, in the order of changeIdeaIds. */
  proposedOn: string[];
}

const LISTENING_METHODS: ReadonlyArray<readonly [ListeningMethod, number]> = [
  ['Conversation', 30],
  ['FocusGroup', 20],
  ['Survey', 20],
  ['FFTReview', 10],
  ['ComplaintsReview', 8],
  ['Observation', 6],
  ['EBCD', 6],
];

const ORIGINS: ReadonlyArray<readonly [ChangeIdeaOrigin, number]> = [
  ['CoDesignSession', 55],
  ['PatientSuggestion', 25],
  ['StaffSuggestion', 12],
  ['OtherSite', 5],
  ['Literature', 3],
];

const RATIONALE = {
  important: 'Patients and carers named it first in every listening session',
  evidenceBased: 'Consistent with national survey findings and the published Always Events examples',
  measurable: 'Can be counted every period from a short survey or an audit',
  affordableSustainable: 'Needs staff time and habits, no building work or new equipment',
};

/** The co-design team: patients and carers with point-of-care staff, about half each. */
function teamOf(prng: Prng): { patients: CoDesignMember[]; staff: CoDesignMember[] } {
  const members = (prefix: string, count: number, category: CoDesignMember['category']) =>
    Array.from({ length: count }, (_, i) => ({
      memberId: `${prefix}-${String(i + 1).padStart(2, '0')}`,
      category,
    }));
  return {
    patients: [
      ...members('P', prng.int(2, 5), 'PatientOrServiceUser'),
      ...members('C', prng.int(0, 2), 'FamilyOrCarer'),
    ],
    staff: [
      ...members('S', prng.int(2, 4), 'PointOfCareStaff'),
      ...members('M', 1, 'Manager'),
      ...members('Q', prng.int(0, 1), 'QILead'),
    ],
  };
}

/**
 * From initiation to an agreed statement: team, listening, what matters,
 * co-design, change ideas, drafts assessed against the four criteria, agreement.
 */
export function planCoDesign(
  spec: AlwaysEventSpec,
  prng: Prng,
  timeline: Timeline,
  id: (label: string) => string,
): CoDesignOutcome {
  const ae = { alwaysEventId: spec.alwaysEventId };
  const days = (min: number, max: number) => Math.max(1, Math.round(prng.int(min, max) * spec.pace));
  timeline.add(spec.initiatedOn, 'InitiateAlwaysEvent', {
    ...ae,
    programmeSlug: spec.programmeSlug,
    odsCode: spec.odsCode,
    homeUnit: spec.homeUnit,
    population: spec.population,
    ...(spec.derivedFromAlwaysEventId ? { derivedFromAlwaysEventId: spec.derivedFromAlwaysEventId } : {}),
  });

  // Some teams start with staff only and bring patients in once they have listened (not agreed without them).
  const { patients, staff } = teamOf(prng);
  const staffFirst = spec.caseStudy === null && prng.chance(0.12);
  let day = addDays(spec.initiatedOn, days(3, 12));
  timeline.add(day, 'FormCoDesignTeam', { ...ae, members: staffFirst ? staff : [...patients, ...staff] });

  const activityIds: string[] = [];
  for (let i = 0, count = prng.int(2, 3); i < count; i++) {
    day = addDays(day, days(4, 20));
    const activityId = id(`${spec.label}/listening/${i}`);
    activityIds.push(activityId);
    const method =
      i === 0 ? prng.pick(['Conversation', 'FocusGroup'] as const) : prng.weighted(LISTENING_METHODS);
    const people = prng.int(4, 30);
    timeline.add(day, 'RecordListeningActivity', {
      ...ae,
      activityId,
      method,
      heldOn: day,
      participants: {
        patientsOrServiceUsers: people,
        familiesOrCarers: prng.int(0, 10),
        staff: prng.int(1, 8),
        others: prng.int(0, 2),
      },
      summary: i === 0 ? spec.heard : `${people} people took part; ${spec.theme.toLowerCase()} came up again`,
    });
  }

  day = addDays(day, days(3, 10));
  const themeId = id(`${spec.label}/theme/0`);
  timeline.add(day, 'IdentifyWhatMattersTheme', {
    ...ae,
    themeId,
    label: spec.theme,
    sourceActivityIds: activityIds,
  });
  spec.otherThemes.forEach((label, i) =>
    timeline.add(day, 'IdentifyWhatMattersTheme', {
      ...ae,
      themeId: id(`${spec.label}/theme/${i + 1}`),
      label,
      sourceActivityIds: [prng.pick(activityIds)],
    }),
  );
  if (staffFirst)
    patients.forEach((member) => timeline.add(day, 'AddCoDesignTeamMember', { ...ae, ...member }));

  const coDesignOn = addDays(day, days(3, 14));
  timeline.add(coDesignOn, 'StartCoDesign', { ...ae, selectedThemeId: themeId });

  const proposedOn: string[] = [];
  const changeIdeaIds = spec.changeIdeas.map((description, i) => {
    const changeIdeaId = id(`${spec.label}/idea/${i}`);
    const origin: ChangeIdeaOrigin =
      spec.derivedFromAlwaysEventId && i === 0
        ? 'OtherSite'
        : spec.caseStudy
          ? 'CoDesignSession'
          : prng.weighted(ORIGINS);
    proposedOn.push(addDays(coDesignOn, days(5, 40)));
    timeline.add(proposedOn[i], 'ProposeChangeIdea', {
      ...ae,
      changeIdeaId,
      description,
      origin,
      ...(origin === 'CoDesignSession' ? { originatingSessionId: `co-design-session-${i + 1}` } : {}),
    });
    return changeIdeaId;
  });

  const agreedOn = draftAndAgree(spec, prng, timeline, id, addDays(coDesignOn, days(10, 35)), days);
  return { coDesignOn, agreedOn, changeIdeaIds, proposedOn };
}

/** One or two drafts (a first draft in staff's words, or one failing a criterion, is redrafted). */
function draftAndAgree(
  spec: AlwaysEventSpec,
  prng: Prng,
  timeline: Timeline,
  id: (label: string) => string,
  firstDraftOn: string,
  days: (min: number, max: number) => number,
): string {
  const ae = { alwaysEventId: spec.alwaysEventId };
  const criteria = (affordable: boolean) => ({
    important: { met: true, rationale: RATIONALE.important },
    evidenceBased: { met: true, rationale: RATIONALE.evidenceBased },
    measurable: { met: true, rationale: RATIONALE.measurable },
    affordableSustainable: affordable
      ? { met: true, rationale: RATIONALE.affordableSustainable }
      : { met: false, rationale: 'The first version needed new equipment on every ward' },
  });
  let day = firstDraftOn;
  const redraft = spec.caseStudy === null && prng.chance(0.25);
  if (redraft) {
    const draftId = id(`${spec.label}/draft/0`);
    const inStaffWords = prng.chance(0.5);
    timeline.add(day, 'DraftStatement', {
      ...ae,
      draftId,
      visionStatement: inStaffWords
        ? `Staff will ensure that patients ${spec.aim.behaviourOrOutcome}`
        : spec.vision,
      visionVoice: inStaffWords ? 'StaffWords' : 'PatientWords',
      aim: aimBody(spec),
    });
    day = addDays(day, days(3, 10));
    timeline.add(day, 'AssessCriteria', { ...ae, draftId, ...criteria(inStaffWords) });
    day = addDays(day, days(7, 21));
  }
  const draftId = id(`${spec.label}/draft/1`);
  timeline.add(day, 'DraftStatement', {
    ...ae,
    draftId,
    visionStatement: spec.vision,
    visionVoice: 'PatientWords',
    aim: aimBody(spec),
  });
  day = addDays(day, days(3, 10));
  timeline.add(day, 'AssessCriteria', { ...ae, draftId, ...criteria(true) });
  day = addDays(day, days(3, 14));
  timeline.add(day, 'AgreeStatement', { ...ae, draftId });
  return day;
}

export function aimBody(spec: AlwaysEventSpec): {
  population: string;
  behaviourOrOutcome: string;
  targetPct: number;
  deadline?: string;
  reviewCadence?: ReviewCadence;
} {
  const { population, behaviourOrOutcome, targetPct, deadline, reviewCadence } = spec.aim;
  return {
    population,
    behaviourOrOutcome,
    targetPct,
    ...(deadline ? { deadline } : {}),
    ...(reviewCadence ? { reviewCadence } : {}),
  };
}
