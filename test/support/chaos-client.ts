/** One request the chaos load sent, and how it ended. */
export interface ChaosRequest {
  key: string;
  command: string;
  /** Sends until one of them got an answer that is not a retry-me. */
  attempts: number;
  status: number;
  streamId?: string;
  eventIds?: string[];
}

/** Answers a client retries with the same Idempotency-Key: the proxy's, an instance dying, a lost race. */
const RETRY = new Set([409, 429, 502, 503, 504]);

/**
 * A client that retries every request with the same Idempotency-Key until it
 * gets an answer, as the API asks upstream systems to: connection failures
 * and retry-me answers are sent again after a short pause; anything else is
 * the request's outcome.
 */
export async function sendUntilAnswered(
  baseUrl: string,
  headers: Record<string, string>,
  command: string,
  body: object,
  key: string,
): Promise<ChaosRequest> {
  for (let attempts = 1; ; attempts++) {
    const response = await fetch(`${baseUrl}/v1/commands/${command}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    }).catch(() => undefined);
    if (response && !RETRY.has(response.status)) {
      const answer = (await response.json().catch(() => ({}))) as { streamId?: string; eventIds?: string[] };
      return { key, command, attempts, status: response.status, ...answer };
    }
    await response?.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
  }
}
