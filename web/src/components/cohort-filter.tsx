import type { BreakdownRow } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { useResource } from '../app/use-resource';
import { Choice, SelectFilter } from './list-controls';

/** The breakdown's group for enrolments without a cohort: not a cohort to filter by. */
const NO_COHORT = '(none)';

/**
 * The cohorts to filter organisations by. The API lists no programme's
 * cohorts as such; the enrolment breakdown by cohort on the date is the
 * closest answer: every cohort with an organisation enrolled in it then.
 * A cohort in the URL that is not among them (nobody enrolled in it on the
 * date, or the breakdown failed) is still offered, so the select says what
 * the list is filtered by.
 */
export function CohortFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { api, bounds } = useSession();
  const [breakdown] = useResource(
    async () =>
      (await api.get<{ items: BreakdownRow[] }>('/v1/spread/breakdown', { ...bounds, by: 'cohort' })).items,
    boundsKey(bounds),
  );
  const choices: Choice[] =
    breakdown.state === 'ready'
      ? breakdown.data
          .filter((row) => row.key !== NO_COHORT)
          .map((row) => ({ value: row.key, label: row.label }))
          .sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { numeric: true }))
      : [];
  if (value && !choices.some((c) => c.value === value)) choices.push({ value, label: value });
  return (
    <SelectFilter id="filter-cohort" label="Cohort" value={value} choices={choices} onChange={onChange} />
  );
}
