import type { Params } from '../api/client';
import { boundsKey, useSession } from './context';
import { hrefOf, sharedParams } from './route';
import { CursorPages, useCursorPages } from './use-cursor-pages';

export interface ListQuery<Name extends string> {
  /** The list's own parameters as the URL carries them (the API's names). */
  params: Record<Name, string | undefined>;
  pages: CursorPages;
  /** What to ask the API for: the bounds, the parameters and the page's cursor. */
  request: Params;
  /** Changes when anything in `request` does: the resource's key. */
  key: string;
  /** Opens the list with some parameters changed (and the bounds kept); back to page one. */
  go(changes: Partial<Record<Name, string | undefined>>): void;
}

/** A cursor-paginated list page's state: its filters in the URL, its page in memory. */
export function useListQuery<Name extends string>(
  path: string,
  names: readonly Name[],
  query: URLSearchParams,
  navigate: (href: string) => void,
): ListQuery<Name> {
  const { bounds } = useSession();
  const params = Object.fromEntries(names.map((n) => [n, query.get(n) ?? undefined])) as Record<
    Name,
    string | undefined
  >;
  const listKey = `${boundsKey(bounds)}|${names.map((n) => params[n] ?? '').join('|')}`;
  const pages = useCursorPages(listKey);
  return {
    params,
    pages,
    request: { ...bounds, ...params, cursor: pages.cursor },
    key: `${listKey}|${pages.cursor ?? ''}`,
    go: (changes) => navigate(hrefOf(path, { ...sharedParams(query), ...params, ...changes })),
  };
}
