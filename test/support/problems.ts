/** Assertions on problem+json answers. */
const PROBLEM_FIELDS = ['correlationId', 'detail', 'instance', 'status', 'title', 'type'];

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

/** The right status, as problem+json with only the problem fields: no stack, no internals. */
export function expectCleanProblem(reply: Reply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Object.keys(reply.body).sort()).toEqual(PROBLEM_FIELDS);
  expect(reply.body.status).toBe(status);
  expect(reply.text).not.toMatch(/\s+at \S+ \(|node_modules|\/src\/|Exception|Error:/);
}
