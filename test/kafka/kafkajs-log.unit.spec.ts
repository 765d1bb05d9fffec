import { logLevel } from 'kafkajs';
import { kafkajsLogCreator, KafkaLogger } from '../../src/kafka/kafkajs/kafkajs-log';
import { RepeatedLines } from '../../src/kafka/kafkajs/repeated-lines';

describe('kafkajs logs, summarised', () => {
  it('lets the first line of a kind through, counts its repeats for the window, then says how many', () => {
    let now = 0;
    const lines: string[] = [];
    const repeated = new RepeatedLines(
      (line) => lines.push(line),
      30_000,
      () => now,
    );
    for (let i = 0; i < 200; i++) {
      repeated.write('connection refused', `refused (${i})`);
      repeated.write('metadata', `metadata failed (${i})`);
      now += 100;
    }
    expect(lines).toEqual(['refused (0)', 'metadata failed (0)']);
    now = 30_001;
    repeated.write('connection refused', 'refused again');
    expect(lines.slice(2)).toEqual(['refused (199) (repeated 199 more times in 30 s)', 'refused again']);
    repeated.flush();
    expect(lines.slice(4)).toEqual(['metadata failed (199) (repeated 199 more times in 30 s)']);
  });

  it('writes one warning where kafkajs logs an error per retried request, and keeps its self-healing retries at debug', () => {
    const warned: string[] = [];
    const debugged: string[] = [];
    const logger: KafkaLogger = {
      log: () => undefined,
      warn: (line: string) => warned.push(line),
      error: () => undefined,
      debug: (line: string) => debugged.push(line),
    };
    const log = kafkajsLogCreator(logger)(logLevel.WARN);
    const entry = (message: string, extra: Record<string, unknown> = {}) => ({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: '', message, ...extra },
    });
    for (let i = 0; i < 100; i++) {
      log(entry('Connection error: connect ECONNREFUSED 127.0.0.1:19492', { broker: '127.0.0.1:19492' }));
    }
    log(
      entry('Response Produce(key: 0, version: 7)', {
        error: 'This server does not host this topic-partition',
        correlationId: 3,
      }),
    );
    expect(warned).toEqual([
      'kafkajs Connection: Connection error: connect ECONNREFUSED 127.0.0.1:19492 {"broker":"127.0.0.1:19492"}',
    ]);
    expect(debugged).toEqual([
      'kafkajs Connection: Response Produce(key: 0, version: 7) {"error":"This server does not host this topic-partition","correlationId":3}',
    ]);
  });
});
