import { CASE_STUDIES } from '../data/case-studies';
import { addDays, daysBetween, minDate } from '../dates';
import { Prng } from '../prng';
import { AlwaysEventSpec } from './always-event/spec';
import { AlwaysEventContext, caseStudySpec, settingFor, syntheticSpec } from './always-event/specs';
import { lastDayOf, ParticipationChanges } from './changes-of-heart';
import { OrganisationPlan } from './organisations';

/** No Always Event starts in an organisation's last five months: too late to agree a statement. */
const LAST_START_MARGIN_DAYS = 150;
/** Share of new Always Events that adopt another organisation's (spread lineage). */
const SPREAD_SHARE = 0.25;

/** How many Always Events an organisation starts at scale 1: one, often two, now and then three. */
function baseCount(prng: Prng, organisation: OrganisationPlan): number {
  if (organisation.type === 'GPPractice') return 1;
  return 1 + (prng.chance(0.35) ? 1 : 0) + (prng.chance(0.1) ? 1 : 0);
}

/**
 * Every Always Event of the programme, organisation by organisation in
 * enrolment order: the published case studies on their dates, then synthetic
 * ones (`scale` times as many from scale 1), a quarter of them spreading an
 * earlier Always Event of another organisation in the same setting.
 */
export function alwaysEventSpecs(
  prng: Prng,
  organisations: readonly OrganisationPlan[],
  changes: ReadonlyMap<string, ParticipationChanges>,
  scale: number,
  id: (label: string) => string,
  noChange: ParticipationChanges,
): AlwaysEventSpec[] {
  const specs: AlwaysEventSpec[] = [];
  // The specs so far by setting, in the order pushed, each with the day it can first be spread
  // from: the filter below ran over every spec and parsed dates for each, quadratic in the plan.
  const bySetting = new Map<string, Array<{ spec: AlwaysEventSpec; spreadableOn: string }>>();
  const add = (spec: AlwaysEventSpec): void => {
    specs.push(spec);
    const list = bySetting.get(spec.homeUnit.setting) ?? [];
    list.push({ spec, spreadableOn: addDays(spec.initiatedOn, 90) });
    bySetting.set(spec.homeUnit.setting, list);
  };
  for (const organisation of organisations) {
    const rng = prng.fork(organisation.odsCode);
    const change = changes.get(organisation.odsCode) ?? noChange;
    const endOn = lastDayOf(change);
    const context = (index: number, initiatedOn: string): AlwaysEventContext => {
      const label = `${organisation.odsCode}/ae/${index}`;
      return {
        label,
        alwaysEventId: id(label),
        odsCode: organisation.odsCode,
        organisationType: organisation.type,
        initiatedOn,
        endOn,
        closeAtEnd: change.withdrawal ? 'OrgWithdrew' : null,
      };
    };
    const cases = CASE_STUDIES.filter((c) => c.odsCode === organisation.odsCode);
    cases.forEach((c, i) => add(caseStudySpec(c, context(i, c.initiatedOn))));
    const synthetic = Math.max(0, baseCount(rng, organisation) - cases.length);
    const count = scale > 1 ? Math.round(synthetic * scale) : synthetic;
    const latestStart = minDate(
      addDays(endOn, -LAST_START_MARGIN_DAYS),
      addDays(organisation.enrolledOn, 900),
    );
    for (let i = 0; i < count; i++) {
      const initiatedOn =
        i === 0 && cases.length === 0
          ? addDays(organisation.enrolledOn, rng.int(14, 90))
          : addDays(
              organisation.enrolledOn,
              60 + rng.int(0, Math.max(0, daysBetween(organisation.enrolledOn, latestStart) - 60)),
            );
      if (initiatedOn > latestStart) continue;
      const setting = settingFor(rng, organisation.type);
      const sources = (bySetting.get(setting) ?? [])
        .filter((s) => s.spec.odsCode !== organisation.odsCode && s.spreadableOn <= initiatedOn)
        .map((s) => s.spec);
      const source = sources.length > 0 && rng.chance(SPREAD_SHARE) ? rng.pick(sources) : null;
      add(syntheticSpec(rng.fork(`ae/${i}`), context(cases.length + i, initiatedOn), setting, source));
    }
  }
  return specs;
}
