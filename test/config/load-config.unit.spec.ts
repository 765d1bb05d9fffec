import { ConfigurationError, loadConfig } from '../../src/config/load-config';

describe('loadConfig', () => {
  it('gives the embedded store on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      EVENT_STORE: 'sqlite',
      SQLITE_PATH: './data/events.sqlite',
      PORT: 3000,
      APP_ROLES: ['api', 'projections', 'relay', 'commands'],
    });
  });

  it('reads and converts values, treating empty as unset', () => {
    const config = loadConfig({ PORT: '8080', APP_ROLES: 'api, relay', SQLITE_PATH: '', LOG_LEVEL: 'warn' });
    expect(config.PORT).toBe(8080);
    expect(config.APP_ROLES).toEqual(['api', 'relay']);
    expect(config.SQLITE_PATH).toBe('./data/events.sqlite');
    expect(config.LOG_LEVEL).toBe('warn');
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [
      { EVENT_STORE: 'mongo' },
      /EVENT_STORE must be one of the following values: sqlite, esdb \(got "mongo"\)/,
    ],
    [
      { PORT: 'eighty' },
      /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got "eighty"\)$/,
    ],
    [{ PORT: '70000' }, /^Invalid configuration: PORT must be a whole number from 0 to 65535 \(got 70000\)$/],
    [{ EVENT_STORE: 'esdb' }, /EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb/],
    [{ APP_ROLES: 'api,cron' }, /each value in APP_ROLES must be one of the following values/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be one of the following values: FULL, NORMAL/],
  ];

  it.each(bad)('refuses %j naming the variable and the rule', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  const badRateLimits: Array<[Record<string, string>, string]> = [
    [
      { RATE_LIMIT_MAX: 'lots' },
      'RATE_LIMIT_MAX must be a whole number from 1 to 10000000 (requests per credential per window) (got "lots")',
    ],
    [
      { RATE_LIMIT_BULK_MAX: '0' },
      'RATE_LIMIT_BULK_MAX must be a whole number from 1 to 100000000 (commands per credential per window) (got 0)',
    ],
    [
      { RATE_LIMIT_UNAUTHENTICATED_MAX: '2.5' },
      'RATE_LIMIT_UNAUTHENTICATED_MAX must be a whole number from 1 to 10000000 (refused requests per client address per window) (got "2.5")',
    ],
    [
      { RATE_LIMIT_WINDOW_MS: '10' },
      'RATE_LIMIT_WINDOW_MS must be a whole number from 1000 to 86400000 (milliseconds) (got 10)',
    ],
    [
      { RATE_LIMIT_BULK_ROLES: 'submitter,robot' },
      'RATE_LIMIT_BULK_ROLES must be a comma-separated list of programme-admin, submitter, analyst, evaluator, auditor, metrics (got ["submitter","robot"])',
    ],
  ];

  it.each(badRateLimits)('refuses the rate-limit setting %j with exactly one message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigurationError).problems).toEqual([message]);
    }
  });

  it('reads the rate-limit settings', () => {
    expect(
      loadConfig({ RATE_LIMIT_BULK_ROLES: 'submitter', RATE_LIMIT_BULK_MAX: '5000', RATE_LIMIT_MAX: '30' }),
    ).toMatchObject({
      RATE_LIMIT_BULK_ROLES: ['submitter'],
      RATE_LIMIT_BULK_MAX: 5000,
      RATE_LIMIT_MAX: 30,
      RATE_LIMIT_UNAUTHENTICATED_MAX: 60,
      RATE_LIMIT_WINDOW_MS: 60_000,
    });
  });

  it('reports every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ EVENT_STORE: 'x', PORT: '-1', RATE_LIMIT_MAX: 'x' });
      } catch (e) {
        return e as ConfigurationError;
      }
      return undefined;
    })();
    expect(error?.problems).toHaveLength(3);
  });
});
