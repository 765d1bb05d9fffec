import type { TestApp } from './test-app';

/** The relay's part of GET /health/ready. */
export interface RelayHealth {
  status: string;
  state: string;
  lag: number;
  checkpoint: number;
  headPosition: number;
  published: number;
  failures: number;
  lastError?: { message: string };
}

export async function relayHealth(t: TestApp): Promise<{ httpStatus: number; relay: RelayHealth }> {
  const response = await fetch(`${t.url}/health/ready`);
  // A 503 (not ready) is problem+json with the same details under `checks`.
  const body = (await response.json()) as {
    details?: { kafkaRelay: RelayHealth };
    checks?: { kafkaRelay: RelayHealth };
  };
  return { httpStatus: response.status, relay: (body.details ?? body.checks)?.kafkaRelay as RelayHealth };
}

/** Polls /health/ready until the relay's part satisfies `ok`; fails naming `what` and the last answer. */
export async function untilRelay(
  t: TestApp,
  ok: (relay: RelayHealth) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<RelayHealth> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { relay } = await relayHealth(t);
    if (ok(relay)) return relay;
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}: ${JSON.stringify(relay)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
