import { PlannedCommand } from '../commands';

export type AuthHeader = 'authorization' | 'x-api-key';

export interface HttpSenderOptions {
  url: string;
  /** Sent as `Authorization: Bearer <key>` (or `X-API-Key: <key>`) when given. */
  apiKey?: string;
  authHeader?: AuthHeader;
  sourceSystem?: string;
  /** Attempts for a command the service could not take yet (429, 503, connection errors). */
  maxAttempts?: number;
}

export interface SendOutcome {
  replayed: boolean;
  events: number;
  retries: number;
}

/** The service refused a command: a simulator bug, reported with the service's problem+json. */
export class CommandRefusedError extends Error {
  constructor(
    readonly command: PlannedCommand,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(
      `${command.name} (Idempotency-Key ${command.idempotencyKey}) was refused with ${status}:\n` +
        `${JSON.stringify(problem, null, 2)}\nbody: ${JSON.stringify(command.body)}`,
    );
    this.name = 'CommandRefusedError';
  }
}

const RETRYABLE = new Set([429, 503]);

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from Retry-After, else an exponential backoff (capped at 10 s). */
function waitMs(retryAfter: string | null, attempt: number): number {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return seconds !== undefined ? seconds * 1000 : Math.min(10_000, 100 * 2 ** attempt);
}

export function authHeaders(
  apiKey: string | undefined,
  header: AuthHeader = 'authorization',
): Record<string, string> {
  if (!apiKey) return {};
  return header === 'authorization' ? { authorization: `Bearer ${apiKey}` } : { 'x-api-key': apiKey };
}

/**
 * Posts commands as an upstream system does: the public command gateway, an
 * Idempotency-Key on every command (a retry after a lost answer is safe), its
 * source system named, and credentials when configured. Busy answers are
 * retried with the same key; anything else that is not 2xx is a refusal.
 */
export function httpSender(options: HttpSenderOptions): (command: PlannedCommand) => Promise<SendOutcome> {
  const base = options.url.replace(/\/+$/, '');
  const maxAttempts = options.maxAttempts ?? 10;
  const headers = {
    'content-type': 'application/json',
    'x-source-system': options.sourceSystem ?? 'simulator',
    ...authHeaders(options.apiKey, options.authHeader),
  };
  return async (command) => {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${base}/v1/commands/${command.name}`, {
          method: 'POST',
          headers: {
            ...headers,
            'idempotency-key': command.idempotencyKey,
            'x-correlation-id': command.idempotencyKey,
          },
          body: JSON.stringify(command.body),
        });
      } catch (error) {
        if (attempt >= maxAttempts) throw error;
        await sleep(waitMs(null, attempt));
        continue;
      }
      const text = await response.text();
      const body = parse(text);
      if (response.status === 200 || response.status === 201) {
        const eventIds = (body as { eventIds?: unknown[] } | null)?.eventIds ?? [];
        return {
          replayed: response.status === 200,
          events: response.status === 201 ? eventIds.length : 0,
          retries: attempt - 1,
        };
      }
      if (!RETRYABLE.has(response.status) || attempt >= maxAttempts) {
        throw new CommandRefusedError(command, response.status, body);
      }
      await sleep(waitMs(response.headers.get('retry-after'), attempt));
    }
  };
}
