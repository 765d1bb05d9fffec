import { Agent, request } from 'node:http';

export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/**
 * An open-loop load: request i is due at start + i / rate and is sent then,
 * whether or not earlier ones have been answered, over at most `connections`
 * keep-alive sockets; each latency runs from when the request was due, so a
 * stalled server is charged for the requests it made wait. (autocannon's
 * rate option sends each second's quota in a burst at the start of the
 * second, which measures the burst, not the server.)
 */
export async function pacedLoad(
  url: string,
  options: { rate: number; seconds: number; connections: number; next: (i: number) => PacedRequest },
): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const { hostname, port } = new URL(url);
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let failed = 0;
  const start = performance.now();
  const send = (i: number): Promise<void> => {
    const due = start + (i * 1000) / options.rate;
    const { path, headers, body } = options.next(i);
    return new Promise((resolve) => {
      const req = request({ agent, hostname, port, path, method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== undefined && res.statusCode < 300) latencies.push(performance.now() - due);
          else failed++;
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  };
  const inFlight: Array<Promise<void>> = [];
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * options.rate) / 1000) + 1);
    while (sent < due) inFlight.push(send(sent++));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ok: latencies.length, failed };
}
