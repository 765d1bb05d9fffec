import { failureLogLevel } from '../../src/kafka/failure-log-level';

describe('how Kafka retry failures are logged', () => {
  it('warns for the first three failures in a row, then reports errors', () => {
    expect([1, 2, 3, 4, 10].map(failureLogLevel)).toEqual(['warn', 'warn', 'warn', 'error', 'error']);
  });
});
