import { RequestPause } from './pause';
import { ApiError, errorFrom, unreachable } from './problem';

export type Params = Record<string, string | undefined>;

export interface Api {
  get<T>(path: string, params?: Params): Promise<T>;
  /** The same query as CSV (`Accept: text/csv`), for download. */
  csv(path: string, params?: Params): Promise<Blob>;
  /** A file the API serves (a template, a board pack, a chart image), as `accept` asks, for download. */
  file(path: string, params?: Params, accept?: string): Promise<{ blob: Blob; fileName: string | null }>;
  /** POST a file as the body, with its content type; the JSON answer. */
  upload<T>(path: string, body: Blob, contentType: string, params?: Params): Promise<T>;
  /** POST /v1/commands/{name}; the key makes a retry after a lost answer harmless. */
  command<T>(name: string, body: object, idempotencyKey: string): Promise<T>;
  /** The wait the service asked for after a 429, which every request honours. */
  pause: RequestPause;
}

/** A request refused with 429 is sent again after Retry-After this many times before the refusal is shown. */
const RATE_LIMIT_RETRIES = 3;
/** When a 429 names no Retry-After. */
const DEFAULT_PAUSE_S = 5;

const urlOf = (path: string, params: Params = {}): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

const isLive = (params: Params): boolean => !params.asOf && !params.asKnownAt;

/**
 * Talks to the service's own API with the credential the person gave. A 401
 * means the credential is no longer good: `onUnauthorised` sends them back to
 * sign in. Live queries (no time bounds) read monotonically: once a figure
 * has been shown as of some log position, later reads of that query wait for
 * the read model to reach it (`minPosition`), so a read model being rebuilt
 * answers 503 instead of showing a half-folded, smaller count. A 429 pauses
 * every request until the time the service names, then sends it again (GETs
 * and commands with their idempotency key are safe to repeat): the panels
 * wait, and one notice counts down (ThrottleNotice).
 */
export function createApi(
  credential: string,
  onUnauthorised: (error: ApiError) => void,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  pause: RequestPause = new RequestPause(),
): Api {
  const seen = new Map<string, number>();

  async function send(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      await pause.over();
      let response: Response;
      try {
        response = await fetchImpl(url, {
          ...init,
          headers: { authorization: `Bearer ${credential}`, ...(init.headers ?? {}) },
        });
      } catch (error) {
        throw unreachable(error);
      }
      if (response.ok) return response;
      const error = await errorFrom(response);
      if (error.status === 401) onUnauthorised(error);
      if (error.status !== 429 || attempt >= RATE_LIMIT_RETRIES) throw error;
      pause.pause(error.retryAfterSeconds ?? DEFAULT_PAUSE_S);
    }
  }

  return {
    pause,
    async get<T>(path: string, params: Params = {}): Promise<T> {
      const live = isLive(params);
      const minPosition = live ? seen.get(path) : undefined;
      const response = await send(urlOf(path, { ...params, minPosition: minPosition?.toString() }), {
        headers: { accept: 'application/json' },
      });
      const body = (await response.json()) as T & { knowledge?: { position?: unknown } };
      const position = body.knowledge?.position;
      if (live && typeof position === 'number') seen.set(path, Math.max(position, seen.get(path) ?? 0));
      return body;
    },

    async csv(path: string, params: Params = {}): Promise<Blob> {
      const response = await send(urlOf(path, params), { headers: { accept: 'text/csv' } });
      return response.blob();
    },

    async file(path: string, params: Params = {}, accept = '*/*') {
      const response = await send(urlOf(path, params), { headers: { accept } });
      const disposition = response.headers.get('content-disposition') ?? '';
      return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
    },

    // A 429 sends the same file again: rows are keyed by what they are, so a repeat writes nothing twice.
    async upload<T>(path: string, body: Blob, contentType: string, params: Params = {}): Promise<T> {
      const response = await send(urlOf(path, params), {
        method: 'POST',
        headers: { 'content-type': contentType, accept: 'application/json' },
        body,
      });
      return (await response.json()) as T;
    },

    async command<T>(name: string, body: object, idempotencyKey: string): Promise<T> {
      const response = await send(`/v1/commands/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
  };
}
