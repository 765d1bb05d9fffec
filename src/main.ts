import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory';
import { DevKeyIssuer } from './auth/dev-key-issuer';
import { ConfigurationError, loadConfig } from './config/load-config';
import { EventStoreStartupError } from './event-store/errors';

/** Start-up failures the operator can fix: one clear line, no stack trace. */
function explain(error: unknown, port: string): string | undefined {
  if (error instanceof ConfigurationError || error instanceof EventStoreStartupError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `PORT=${port}: the address is already in use`;
  if (code === 'EACCES') return `PORT=${port}: not allowed to listen on this port`;
  return undefined;
}

async function main(): Promise<void> {
  try {
    const config = loadConfig();
    const app = await createApp(config);
    await app.listen(config.PORT, config.HOST);
    const store =
      config.EVENT_STORE === 'sqlite' ? `embedded SQLite at ${config.SQLITE_PATH}` : 'EventStoreDB';
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://${config.HOST}:${address.port}`;
    app.get(Logger).log(`Listening on ${url} with the ${store} event store`, 'Main');
    const banner = app.get(DevKeyIssuer).issueIfWanted(url);
    if (banner) process.stderr.write(banner);
  } catch (error) {
    const reason = explain(error, process.env.PORT ?? '3000');
    if (reason === undefined) throw error;
    process.stderr.write(`Start-up failed: ${reason}\n`);
    process.exit(1);
  }
}

void main();
