import { CO_DESIGNED_ORIGINS } from '../../domain/always-event';
import { percent } from '../report-arithmetic';
import { AlwaysEventRecord, ListeningReach, RegisterState } from './register-state';

/**
 * The co-production index (docs/analysts/read-models.md), per Always Event and overall:
 * - patient/carer share at agreement: patients, service users, families and
 *   carers ÷ the whole co-design team, as the agreement event recorded the team
 *   (later joiners and leavers do not change it); benchmarked against the
 *   pioneer sites' aim of at least half;
 * - co-designed idea share: change ideas whose origin is a co-design session or
 *   a patient's suggestion ÷ all change ideas (the blank-canvas lesson);
 * - listening reach: participants of every listening activity, by category.
 * Overall, every agreed Always Event weighs the same in the mean share (the
 * question is about teams), while ideas and participants are pooled (the
 * question is about ideas and people).
 */
export const PIONEER_PATIENT_SHARE_AIM = 0.5;

export interface ListeningFigures extends ListeningReach {
  patientsAndCarers: number;
}

export interface IdeaFigures {
  total: number;
  coDesigned: number;
  coDesignedPercent: number | null;
}

export interface CoProductionRow {
  alwaysEventId: string;
  programmeSlug: string;
  odsCode: string;
  /** The organisation's name as registered at the bounds, and the Always Event's home unit: what a chart labels. */
  organisationName: string | null;
  homeUnitName: string | null;
  agreedOn: string | null;
  teamAtAgreement: Record<string, number> | null;
  patientCarerSharePercent: number | null;
  meetsPioneerAim: boolean | null;
  visionInPatientWords: boolean | null;
  changeIdeas: IdeaFigures;
  listening: ListeningFigures;
}

export interface CoProductionOverall {
  alwaysEvents: number;
  agreed: number;
  meanPatientCarerSharePercent: number | null;
  agreedMeetingPioneerAim: number;
  changeIdeas: IdeaFigures;
  listening: ListeningFigures;
}

const listeningOf = (reach: ListeningReach): ListeningFigures => ({
  ...reach,
  patientsAndCarers: reach.patientsOrServiceUsers + reach.familiesOrCarers,
});

function ideasOf(total: number, coDesigned: number): IdeaFigures {
  return { total, coDesigned, coDesignedPercent: percent(coDesigned, total) };
}

function rowOf(entry: AlwaysEventRecord, state: RegisterState): CoProductionRow | undefined {
  const subject = entry.aggregate.subject;
  if (subject === null) return undefined;
  const agreement = entry.agreement;
  const origins = Object.values(entry.aggregate.changeIdeas);
  return {
    alwaysEventId: subject.alwaysEventId,
    programmeSlug: subject.programmeSlug,
    odsCode: subject.odsCode,
    organisationName: state.organisations[subject.odsCode]?.name ?? null,
    homeUnitName: entry.aggregate.homeUnit?.name ?? null,
    agreedOn: agreement?.agreedOn ?? null,
    teamAtAgreement: agreement && { ...agreement.byCategories },
    patientCarerSharePercent: agreement && Math.round(agreement.patientOrCarerShare * 10_000) / 100,
    meetsPioneerAim: agreement && agreement.patientOrCarerShare >= PIONEER_PATIENT_SHARE_AIM,
    visionInPatientWords: agreement && agreement.visionVoice === 'PatientWords',
    changeIdeas: ideasOf(origins.length, origins.filter((o) => CO_DESIGNED_ORIGINS.includes(o)).length),
    listening: listeningOf(entry.listening),
  };
}

export function coProductionRows(
  state: RegisterState,
  filters: { programme?: string; organisation?: string } = {},
): CoProductionRow[] {
  return Object.values(state.alwaysEvents)
    .map((entry) => rowOf(entry, state))
    .filter((row): row is CoProductionRow => row !== undefined)
    .filter((row) => filters.programme === undefined || row.programmeSlug === filters.programme)
    .filter((row) => filters.organisation === undefined || row.odsCode === filters.organisation)
    .sort((a, b) => a.odsCode.localeCompare(b.odsCode) || a.alwaysEventId.localeCompare(b.alwaysEventId));
}

export function coProductionOverall(rows: readonly CoProductionRow[]): CoProductionOverall {
  const shares = rows.flatMap((r) =>
    r.patientCarerSharePercent === null ? [] : [r.patientCarerSharePercent],
  );
  const sum = (pick: (l: ListeningFigures) => number) => rows.reduce((t, r) => t + pick(r.listening), 0);
  const listening = listeningOf({
    activities: sum((l) => l.activities),
    patientsOrServiceUsers: sum((l) => l.patientsOrServiceUsers),
    familiesOrCarers: sum((l) => l.familiesOrCarers),
    staff: sum((l) => l.staff),
    others: sum((l) => l.others),
  });
  return {
    alwaysEvents: rows.length,
    agreed: shares.length,
    meanPatientCarerSharePercent:
      shares.length === 0
        ? null
        : Math.round((shares.reduce((t, s) => t + s, 0) / shares.length) * 100) / 100,
    agreedMeetingPioneerAim: rows.filter((r) => r.meetsPioneerAim === true).length,
    changeIdeas: ideasOf(
      rows.reduce((t, r) => t + r.changeIdeas.total, 0),
      rows.reduce((t, r) => t + r.changeIdeas.coDesigned, 0),
    ),
    listening,
  };
}
