/**
 * An in-memory EventStoreDB for tests, speaking the server's gRPC protocol
 * from the client's own generated service definitions, so the real
 * @eventstore/db-client runs unchanged against it. Never used outside tests.
 */
import { Server, ServerCredentials, UntypedServiceImplementation } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import * as features from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { EventLog } from './event-log';
import { AppendFaults, AppendMethod, appendHandler } from './streams-append';
import { batchAppendHandler } from './streams-batch-append';
import { deleteHandler } from './streams-delete';
import { readHandler } from './streams-read';
import type { ServerQuirks } from './wire';

export interface EsdbDoubleOptions {
  /** 0 (default) picks a free port; restart() keeps the one picked. */
  port?: number;
  /**
   * true (default): advertise and serve BatchAppend, as servers since 21.10 do,
   * so the client appends over it. false: no ServerFeatures service at all, as
   * on older servers, so the client falls back to Append.
   */
  batchAppend?: boolean;
  /** The server clock that stamps `created` (recordedAt): tests of knowledge time pin it. */
  now?: () => number;
  /**
   * Emulate a server before 22.6: stream reads give every event the unset
   * position (2^64 - 1) and a retried append is answered without a position.
   */
  legacyPositions?: boolean;
}

export interface EsdbDouble {
  /** `esdb://127.0.0.1:<port>?tls=false` */
  connectionString: string;
  port: number;
  log: EventLog;
  /** Tests model a connection lost before or after an append is written. */
  faults: AppendFaults;
  /** Resolves once `count` appends have reached the double since it started. */
  appendsReceived(count: number): Promise<void>;
  /** How many appends have reached the double since it started. */
  readonly appendCount: number;
  /** The same, by the call that carried them. */
  readonly appendCountBy: Readonly<Record<AppendMethod, number>>;
  /** Drops every connection at once, as a crash or network cut would; the data stays. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same data. */
  restart(): Promise<void>;
}

/** What the double serves; ServerFeatures lists exactly these (lower-case, as the server does). */
const SERVED = {
  'event_store.client.streams.streams': ['read', 'append', 'delete', 'tombstone', 'batchappend'],
  'event_store.client.server_features.serverfeatures': ['getsupportedmethods'],
};
/**
 * The server line whose semantics the double follows: caught_up (23.10+) and a 1 MiB append limit (up to 25.0).
 * With legacyPositions it says 21.10, the last line without positions on stream reads.
 */
const EMULATED_SERVER_VERSION = '24.10.0';
const LEGACY_SERVER_VERSION = '21.10.9';

function supportedMethods(quirks: ServerQuirks): features.SupportedMethods {
  const methods = Object.entries(SERVED).flatMap(([service, names]) =>
    names.map((name) => {
      const method = new features.SupportedMethod().setServiceName(service).setMethodName(name);
      if (name === 'read') method.setFeaturesList(['position', 'events']);
      if (name === 'batchappend') method.setFeaturesList(['deadline_duration']);
      return method;
    }),
  );
  return new features.SupportedMethods()
    .setMethodsList(methods)
    .setEventStoreServerVersion(quirks.legacyPositions ? LEGACY_SERVER_VERSION : EMULATED_SERVER_VERSION);
}

export async function startEsdbDouble(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const log = new EventLog(options.now);
  const batchAppend = options.batchAppend ?? true;
  const quirks: ServerQuirks = { legacyPositions: options.legacyPositions ?? false };
  let received = 0;
  const receivedBy: Record<AppendMethod, number> = { append: 0, batchAppend: 0 };
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  const faults: AppendFaults = {
    stall: 'none',
    replyDelayMs: 0,
    onReceived: (method) => {
      received += 1;
      receivedBy[method] += 1;
      for (const w of waiting.filter((w) => received >= w.count)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    },
  };

  const streams: UntypedServiceImplementation = {
    read: readHandler(log, quirks),
    append: appendHandler(log, faults, quirks),
    delete: deleteHandler(log, false),
    tombstone: deleteHandler(log, true),
  };
  if (batchAppend) streams.batchAppend = batchAppendHandler(log, faults, quirks);

  let server: Server | undefined;
  const listen = async (port: number): Promise<number> => {
    const next = new Server();
    next.addService(StreamsService, streams);
    if (batchAppend) {
      next.addService(ServerFeaturesService, {
        getSupportedMethods: (_call: unknown, callback: (e: null, m: features.SupportedMethods) => void) =>
          callback(null, supportedMethods(quirks)),
      });
    }
    const bound = await new Promise<number>((resolve, reject) =>
      next.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, actual) =>
        error ? reject(error) : resolve(actual),
      ),
    );
    server = next;
    return bound;
  };

  const port = await listen(options.port ?? 0);
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    faults,
    appendsReceived: (count) =>
      received >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve })),
    get appendCount() {
      return received;
    },
    get appendCountBy() {
      return { ...receivedBy };
    },
    stop: async () => {
      server?.forceShutdown();
      server = undefined;
    },
    restart: async () => {
      if (server) throw new Error('The double is running; stop() it first');
      faults.stall = 'none';
      await listen(port);
    },
  };
}
