/**
 * An API refusal (RFC 9457 problem+json) or a failure to reach the API, in
 * the words a person at the dashboard needs: what happened and what to do.
 */
/** One thing a refusal names: the field, the rule it broke, and why (RFC 9457 extension `errors`). */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the service could not be reached at all. */
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly retryAfterSeconds: number | null = null,
    readonly correlationId: string | null = null,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(`${status} ${title}: ${detail}`);
    this.name = 'ApiError';
  }
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

const fieldProblems = (errors: unknown): FieldProblem[] =>
  Array.isArray(errors)
    ? errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({
          field: String(e.field ?? ''),
          rule: String(e.rule ?? ''),
          message: String(e.message ?? ''),
        }))
    : [];

export async function errorFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  let problem: ProblemBody = {};
  try {
    problem = JSON.parse(text) as ProblemBody;
  } catch {
    // Not problem+json (a proxy's page, say): the status and its text still say enough.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    typeof problem.title === 'string' ? problem.title : response.statusText || 'Request failed',
    typeof problem.detail === 'string' ? problem.detail : text.slice(0, 300),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    response.headers.get('x-correlation-id'),
    fieldProblems(problem.errors),
  );
}

export const unreachable = (error: unknown): ApiError =>
  new ApiError(
    0,
    'Service unreachable',
    error instanceof Error ? error.message : 'The request did not complete',
  );

export interface Explanation {
  heading: string;
  message: string;
  /** What the page offers: sign in with another credential, or try the same request again. */
  action: 'sign-in' | 'retry' | 'none';
}

const sentence = (text: string): string => `${text.replace(/[.\s]+$/, '')}.`;

export function explain(error: ApiError): Explanation {
  switch (error.status) {
    case 0:
      return {
        heading: 'The service could not be reached',
        message: `Check the connection and try again (${error.detail}).`,
        action: 'retry',
      };
    case 401:
      return {
        heading: 'Your key or token was not accepted',
        message: `${sentence(error.detail)} Sign in again with a valid API key or token.`,
        action: 'sign-in',
      };
    case 403:
      return {
        heading: 'Your credential may not see this',
        message: sentence(error.detail),
        action: 'none',
      };
    // The service's own detail says when to retry too: saying it again would say it twice.
    case 429:
      return {
        heading: 'Too many requests just now',
        message: 'This key has sent more requests than its limit allows for the moment.',
        action: 'retry',
      };
    case 503:
      return {
        heading: 'The figures are not available right now',
        message: sentence(error.detail),
        action: 'retry',
      };
    default:
      return { heading: error.title, message: sentence(error.detail), action: 'none' };
  }
}
