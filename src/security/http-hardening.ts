import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';
import helmet from 'helmet';
import cors from '@fastify/cors';
import type { AppConfig } from '../config/app-config';
import { problemType } from '../shared/problem';

const CLIENT_ERRORS: Record<string, [status: number, detail: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are larger than the server accepts'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time'],
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (oversized
 * headers, a request not received in time, a malformed request line): still
 * problem+json, written straight to the socket, which is then closed.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'The request is not valid HTTP'];
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({
    type: problemType(title.toLowerCase().replace(/[^a-z]+/g, '-')),
    title,
    status,
    detail,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

function trustProxy(value: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return (_address, hop) => hop < Number(value);
  return value.split(',').map((v) => v.trim());
}

/** How often Node looks for requests past their time: its default, 30 s, let a 30 s timeout run to 60 s and more. */
export const timeoutCheckInterval = (requestTimeoutMs: number): number =>
  Math.min(1000, Math.floor(requestTimeoutMs / 4));

/**
 * Fastify server options for the limits that live below Nest: timeouts, header size, proxies.
 * REQUEST_TIMEOUT_MS bounds the whole request, headers included (Node's headersTimeout would
 * otherwise allow 60 s for them), and is checked every second at most, so it holds to within one.
 * HANDLER_TIMEOUT_MS is enforced by a hook of ours (see handler-timeout.ts), not Fastify's option.
 */
export function serverHardening(config: AppConfig): Partial<FastifyHttpOptions<Server>> {
  return {
    connectionTimeout: config.CONNECTION_TIMEOUT_MS,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    http: {
      maxHeaderSize: config.MAX_HEADER_BYTES,
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout: config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: timeoutCheckInterval(config.REQUEST_TIMEOUT_MS),
    },
    trustProxy: trustProxy(config.TRUST_PROXY),
    clientErrorHandler,
  };
}

/** Swagger UI needs its own scripts and inline styles; nothing else the service serves is a page. */
const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Security headers (helmet) and CORS (only for the origins configured), as
 * the first hooks of the server, so every answer carries them, including the
 * 401s and 405s that hooks send before a route runs.
 */
export async function registerHttpHardening(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  // Built once: @fastify/helmet builds helmet's middleware again for every request (5% of a command's CPU).
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP },
    // The JSON API is fetched cross-origin by dashboards when CORS allows it.
    crossOriginResourcePolicy: { policy: config.CORS_ORIGINS ? 'cross-origin' : 'same-origin' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  // Helmet checks its options when built; its middleware then only sets headers and never fails.
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, () => done()),
  );
  if (config.CORS_ORIGINS) {
    await fastify.register(cors, {
      origin: config.CORS_ORIGINS,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'idempotency-key',
        'if-match',
        'x-source-system',
        'x-correlation-id',
        'accept',
      ],
      exposedHeaders: ['etag', 'x-correlation-id', 'retry-after', 'www-authenticate'],
      maxAge: 600,
    });
  }
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/docs')) return;
    reply.header('content-security-policy', API_CSP);
    // Answers hold programme records: no shared cache may keep them.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
