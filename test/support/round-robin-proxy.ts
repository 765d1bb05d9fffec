import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A load balancer for tests: sends each request to the next backend in turn.
 * A backend that refuses the connection or drops it before answering gets the
 * client a 502, as a real proxy would; the client decides whether to retry.
 */
export class RoundRobinProxy {
  private next = 0;
  /** Requests answered 502 because the chosen backend was down or died mid-request. */
  failed = 0;

  private readonly server: Server;

  private constructor(private readonly backends: () => readonly number[]) {
    this.server = createServer((req, res) => this.forward(req, res));
  }

  static async start(backends: () => readonly number[]): Promise<RoundRobinProxy> {
    const proxy = new RoundRobinProxy(backends);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const ports = this.backends();
    const port = ports[this.next++ % ports.length];
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const upstream = request(
        { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', () => res.destroy());
        },
      );
      upstream.on('error', () => {
        this.failed += 1;
        if (res.headersSent) return void res.destroy();
        res.writeHead(502, { 'content-type': 'application/problem+json' });
        res.end(
          JSON.stringify({ status: 502, title: 'Bad gateway', detail: `backend :${port} did not answer` }),
        );
      });
      upstream.end(Buffer.concat(chunks));
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
