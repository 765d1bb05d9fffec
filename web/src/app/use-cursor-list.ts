import type { Params } from '../api/client';
import type { CursorList } from '../api/programme-types';
import { useSession } from './context';
import { ListQuery, useListQuery } from './use-list-query';
import { Resource, useResource } from './use-resource';

export interface CursorListSpec<Name extends string> {
  /** The page's path in the URL (`/organisations`), where a changed filter goes back to page one. */
  path: string;
  /** The API's list (`/v1/organisations`). */
  endpoint: string;
  /** The list's own parameters, as the URL and the API name them. */
  params: readonly Name[];
  /** Rows a page. */
  limit: string;
  /** Parameters the page fixes, not the URL (one evaluation's records, say). */
  fixed?: Params;
}

export type CursorListState<Name extends string, Answer> = ListQuery<Name> & {
  list: Resource<Answer>;
  retry: () => void;
};

/**
 * A list page's query and its answer: the filters from the URL, the page's
 * cursor, the bounds, asked of a cursor-paginated list of the API.
 */
export function useCursorList<Name extends string, Answer extends CursorList<unknown>>(
  spec: CursorListSpec<Name>,
  query: URLSearchParams,
  navigate: (href: string) => void,
): CursorListState<Name, Answer> {
  const { api } = useSession();
  const listQuery = useListQuery(spec.path, spec.params, query, navigate);
  const fixed = spec.fixed ?? {};
  const [list, retry] = useResource(
    () => api.get<Answer>(spec.endpoint, { ...listQuery.request, ...fixed, limit: spec.limit }),
    `${spec.endpoint}|${JSON.stringify(fixed)}|${listQuery.key}`,
  );
  return { ...listQuery, list, retry };
}
