import type { ChildServer } from './child-server';

/** The work's answer and the seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

/** Waits for /health/ready: the live read models catch up first, so measured queries do not share the CPU with them. */
export async function untilReady(server: ChildServer): Promise<ChildServer> {
  while ((await fetch(`${server.url}/health/ready`)).status !== 200)
    await new Promise((resolve) => setTimeout(resolve, 500));
  return server;
}

/** The spread summary for a query string (asOf, asKnownAt), as text; anything but 200 throws. */
export async function spreadSummary(server: ChildServer, query: string): Promise<string> {
  const url = `${server.url}/v1/spread/summary?${query}`;
  const response = await fetch(url, { headers: server.auth });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.text();
}

/** The whole log streamed as NDJSON: the lines received. */
export async function exportedLines(server: ChildServer): Promise<number> {
  const response = await fetch(`${server.url}/v1/export/events`, { headers: server.auth });
  let count = 0;
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const text = decoder.decode(chunk, { stream: true });
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  }
  return count;
}
