import { failureLogLevel, logFailure } from '../../src/kafka/failure-log-level';

describe('how Kafka retry failures are logged', () => {
  it('warns for the first three failures in a row, then reports errors', () => {
    expect([1, 2, 3, 4, 10].map(failureLogLevel)).toEqual(['warn', 'warn', 'warn', 'error', 'error']);
  });

  it('keeps failures that clear by themselves at debug for as long as others would be warnings', () => {
    const logged: string[] = [];
    const logger = {
      warn: (line: string) => logged.push(`warn ${line}`),
      error: (line: string) => logged.push(`error ${line}`),
      debug: (line: string) => logged.push(`debug ${line}`),
    };
    const fresh = 'This server does not host this topic-partition';
    for (const n of [1, 2, 3, 4]) logFailure(logger, n, fresh, `attempt ${n}`);
    logFailure(logger, 1, 'Connection error: connect ECONNREFUSED', 'refused');
    expect(logged).toEqual([
      'debug attempt 1',
      'debug attempt 2',
      'debug attempt 3',
      'error attempt 4',
      'warn refused',
    ]);
  });
});
