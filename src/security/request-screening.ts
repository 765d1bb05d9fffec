import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { patientDataProblem } from '../shared/patient-data-problem';
import { FieldProblem, ProblemException, validationProblem } from '../shared/problem';
import type { ProblemDetailsFilter } from '../http/problem-details.filter';
import { MAX_FINDINGS, screen, ScreeningFinding } from '../privacy/screening';
import { PROTOTYPE_KEYS } from '../shared/validation/json-limits';
import { describeViolation, hygieneViolation } from '../shared/validation/text-hygiene';

/**
 * The headers the service records on events (Idempotency-Key as causationId,
 * X-Correlation-Id or X-Request-Id as correlationId, X-Source-System) or
 * writes to its logs (User-Agent, and those), with If-Match, whose value is
 * read: each is screened. Credentials and cookies are not: they are never
 * recorded or logged, and random tokens would be refused by chance.
 */
export const SCREENED_HEADERS: Readonly<Record<string, string>> = {
  'idempotency-key': 'Idempotency-Key',
  'x-correlation-id': 'X-Correlation-Id',
  'x-request-id': 'X-Request-Id',
  'x-source-system': 'X-Source-System',
  'user-agent': 'User-Agent',
  'if-match': 'If-Match',
};

/** Undoes percent-encoding as often as it changes something (a double-encoded digit is still a digit), up to three times. */
function decoded(text: string): string {
  let current = text;
  for (let i = 0; i < 3 && current.includes('%'); i++) {
    try {
      const next = decodeURIComponent(current.replace(/\+/g, ' '));
      if (next === current) break;
      current = next;
    } catch {
      break;
    }
  }
  return current;
}

/** Header values arrive as Latin-1 code units: UTF-8 bytes (full-width digits, say) are read both ways. */
function headerTexts(value: string | string[] | undefined): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.flatMap((v) =>
    /[\u0080-\uffff]/.test(v) ? [v, Buffer.from(v, 'latin1').toString('utf8')] : [v],
  );
}

function queryPairs(url: string): Array<[name: string, value: string]> {
  const at = url.indexOf('?');
  if (at === -1) return [];
  return url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? [decoded(pair), ''] : [decoded(pair.slice(0, eq)), decoded(pair.slice(eq + 1))];
    });
}

/** A parameter named in a message only when it is itself clean. */
const parameterField = (name: string): string =>
  name.length <= 64 && !hygieneViolation(name) && screen(name).length === 0
    ? `query.${name}`
    : 'query.(a parameter name)';

/**
 * Query parameters that carry a global position the service handed out (a
 * command's answer, a read model's knowledge), which the query DTOs take as
 * digits only. On EventStoreDB a position is a byte offset in the log, ten
 * digits long from 1 GB to 10 GB of log: about one in eleven passes Modulus 11,
 * so read-your-writes queries were refused as NHS numbers by chance. A value
 * of digits alone in these parameters is a position; anything else is screened.
 */
const POSITION_PARAMETERS: ReadonlySet<string> = new Set(['atPosition', 'minPosition']);
const isPosition = (name: string, value: string): boolean =>
  POSITION_PARAMETERS.has(name) && /^\d{1,20}$/.test(value);

/** Patient data in the path, the query (names and values) and the screened headers. */
export function screenRequestHead(request: Pick<FastifyRequest, 'url' | 'headers'>): ScreeningFinding[] {
  const findings = [...screen(decoded(request.url.split('?')[0]), '(path)')];
  for (const [name, value] of queryPairs(request.url)) {
    findings.push(...screen(name).map((f) => ({ ...f, field: 'query.(a parameter name)' })));
    if (!isPosition(name, value)) findings.push(...screen(value, parameterField(name)));
  }
  for (const [header, display] of Object.entries(SCREENED_HEADERS)) {
    for (const text of headerTexts(request.headers[header])) findings.push(...screen(text, display));
  }
  return findings;
}

/** Path and query text the service may not hold (control characters and the like), and prototype names as parameters. */
function headProblems(url: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const path = hygieneViolation(decoded(url.split('?')[0]));
  if (path) problems.push({ field: '(path)', rule: path.rule, message: describeViolation('The path', path) });
  for (const [name, value] of queryPairs(url)) {
    const field = parameterField(name);
    // `__proto__[isAdmin]` and `a.constructor` too: what a bracket- or dot-parsing reader would make of them.
    if (name.split(/[[\].]/).some((part) => PROTOTYPE_KEYS.has(part))) {
      problems.push({ field, rule: 'unknown-field', message: `${field} is not a parameter of this route` });
    }
    const violation = hygieneViolation(name) ?? hygieneViolation(value);
    if (violation)
      problems.push({ field, rule: violation.rule, message: describeViolation(field, violation) });
  }
  return problems;
}

/** A refusal of the path or query: it does not repeat the path as its `instance` either. */
function headProblem(errors: FieldProblem[]): ProblemException {
  const problem = validationProblem(errors);
  return new ProblemException(problem.status, problem.slug, problem.title, problem.detail, {
    ...problem.extensions,
    instance: undefined,
  });
}

/**
 * Screens every request before anything records or logs it: the path, query
 * and headers in the first onRequest hooks (the request logger is Nest
 * middleware, which runs after them), the parsed body before validation and
 * the guards. A refusal answers 422 (patient data) or 400 (hygiene, prototype
 * parameter names) without echoing the value or the path.
 */
const COMMAND_ROUTE = '/v1/commands/:name';

export function registerRequestScreening(fastify: FastifyInstance, problems: ProblemDetailsFilter): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const findings = screenRequestHead(request);
    if (findings.length > 0) {
      await problems.send(request, reply, patientDataProblem(findings.slice(0, MAX_FINDINGS), false));
      return;
    }
    const invalid = headProblems(request.url);
    if (invalid.length > 0) await problems.send(request, reply, headProblem(invalid));
  });
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.body === undefined || request.body === null) return;
    // Command bodies are screened by the command gateway, the one path every transport shares.
    if (request.routeOptions.url === COMMAND_ROUTE) return;
    const findings = screen(request.body);
    if (findings.length > 0) await problems.send(request, reply, patientDataProblem(findings));
  });
}
