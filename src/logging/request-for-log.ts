/** What pino's standard request serializer gives, of which the logs keep part. */
interface SerializedRequest {
  /** Fastify's request id: the correlation id the response echoes. */
  id: unknown;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A request in the logs: no credentials, cookies or client address (events
 * carry only a salted hash of it), only the headers that say what sent it.
 */
export function requestForLog(req: SerializedRequest): Record<string, unknown> {
  return {
    id: req.id,
    method: req.method,
    url: req.url,
    userAgent: req.headers['user-agent'],
    sourceSystem: req.headers['x-source-system'],
  };
}
