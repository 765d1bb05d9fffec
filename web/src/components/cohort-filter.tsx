import type { CohortRow } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { useResource } from '../app/use-resource';
import { Choice, SelectFilter } from './list-controls';

/**
 * The cohorts to filter organisations by: every cohort the programme
 * scheduled at the bounds, whether or not anyone is enrolled in it on the
 * date (GET /v1/spread/cohorts). A cohort in the URL that is not among them
 * (or when the list failed) is still offered, so the select says what the
 * list is filtered by.
 */
export function CohortFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { api, bounds } = useSession();
  const [cohorts] = useResource(
    async () => (await api.get<{ items: CohortRow[] }>('/v1/spread/cohorts', bounds)).items,
    boundsKey(bounds),
  );
  const choices: Choice[] =
    cohorts.state === 'ready' ? cohorts.data.map((row) => ({ value: row.cohortId, label: row.name })) : [];
  if (value && !choices.some((c) => c.value === value)) choices.push({ value, label: value });
  return (
    <SelectFilter id="filter-cohort" label="Cohort" value={value} choices={choices} onChange={onChange} />
  );
}
