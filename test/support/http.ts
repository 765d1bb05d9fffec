import { authHeaders } from './credentials';

/** Small helpers for talking to the app over real HTTP in e2e tests; they send the app's admin key unless `headers` gives an `authorization`. */
export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function postCommand<T = Record<string, unknown>>(
  baseUrl: string,
  name: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${baseUrl}/v1/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(baseUrl), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

export async function postJson<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(baseUrl), ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

export async function getJson<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { ...authHeaders(baseUrl), ...headers } });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** The problem+json fields tests look at. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  rule?: string;
  errors?: Array<{ field: string; rule: string; message: string }>;
}

/** An answer in full, parsed when it is JSON: for tests of what a refusal says and does not say. */
export interface RawAnswer {
  status: number;
  contentType: string;
  /** Every response header as `name: value` lines. */
  headers: string;
  text: string;
  body: Record<string, unknown> & { errors?: Array<{ field: string; rule: string; message: string }> };
}

/** Sends a request as given (the body as it is, JSON unless `headers` says otherwise), with the app's admin key. */
export async function sendRaw(
  baseUrl: string,
  path: string,
  options: { method?: string; body?: string | Blob; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...authHeaders(baseUrl),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await response.text();
  let body: RawAnswer['body'] = {};
  try {
    body = JSON.parse(text) as RawAnswer['body'];
  } catch {
    // Not JSON: tests look at the status and content type.
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n'),
    text,
    body,
  };
}
