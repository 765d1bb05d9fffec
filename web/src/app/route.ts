/**
 * Pages live in the URL's fragment (#/always-events/…?asOf=…), so the
 * service serves one page at `/` and a link to any view, bounds included,
 * can be shared.
 */
/** What an evaluation's page lists: its data cuts, findings or reports (the API's lists' names). */
export const EVALUATION_RECORDS = ['data-cuts', 'findings', 'reports'] as const;
export type EvaluationRecords = (typeof EVALUATION_RECORDS)[number];

export type Route =
  | { page: 'programme' }
  | { page: 'register' }
  | { page: 'always-event'; id: string }
  | { page: 'evaluation' }
  | { page: 'evaluations' }
  | { page: 'evaluation-records'; id: string; records: EvaluationRecords }
  | { page: 'organisations' }
  | { page: 'organisation'; odsCode: string }
  | { page: 'worklist' }
  | { page: 'imports' }
  | { page: 'not-found'; path: string };

export interface Place {
  route: Route;
  path: string;
  query: URLSearchParams;
}

/** Query parameters every page keeps when another is opened: the time bounds. */
export const SHARED_PARAMS = ['asOf', 'asKnownAt'] as const;

export function parseHash(hash: string): Place {
  const text = hash.replace(/^#/, '') || '/';
  const [rawPath, rawQuery = ''] = text.split('?', 2) as [string, string?];
  const path = rawPath.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(rawQuery);
  return { route: routeOf(path), path, query };
}

function routeOf(path: string): Route {
  if (path === '/' || path === '/programme') return { page: 'programme' };
  if (path === '/always-events') return { page: 'register' };
  if (path === '/evaluation') return { page: 'evaluation' };
  if (path === '/evaluations') return { page: 'evaluations' };
  if (path === '/organisations') return { page: 'organisations' };
  if (path === '/worklist') return { page: 'worklist' };
  if (path === '/imports') return { page: 'imports' };
  const organisation = /^\/organisations\/([A-Z0-9]{3,10})$/.exec(path);
  if (organisation) return { page: 'organisation', odsCode: organisation[1] as string };
  const match = /^\/always-events\/([0-9a-fA-F-]{36})$/.exec(path);
  if (match) return { page: 'always-event', id: match[1] as string };
  const evaluation = /^\/evaluations\/([0-9a-fA-F-]{36})(?:\/([a-z-]+))?$/.exec(path);
  const records = (evaluation?.[2] ?? 'data-cuts') as EvaluationRecords;
  if (evaluation && EVALUATION_RECORDS.includes(records))
    return { page: 'evaluation-records', id: evaluation[1] as string, records };
  return { page: 'not-found', path };
}

/** A fragment link: `#/path?query`, dropping empty values. */
export function hrefOf(path: string, params: Record<string, string | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** The shared parameters of the current place, to carry to another page. */
export function sharedParams(query: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(SHARED_PARAMS.map((name) => [name, query.get(name) ?? undefined]));
}
