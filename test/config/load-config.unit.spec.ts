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
    [{ PORT: 'eighty' }, /PORT must be an integer number/],
    [{ PORT: '70000' }, /PORT must not be greater than 65535/],
    [{ EVENT_STORE: 'esdb' }, /EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb/],
    [{ APP_ROLES: 'api,cron' }, /each value in APP_ROLES must be one of the following values/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be one of the following values: FULL, NORMAL/],
  ];

  it.each(bad)('refuses %j naming the variable and the rule', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports every bad variable at once', () => {
    const error = (() => {
      try {
        loadConfig({ EVENT_STORE: 'x', PORT: '-1' });
      } catch (e) {
        return e as ConfigurationError;
      }
      return undefined;
    })();
    expect(error?.problems).toHaveLength(2);
  });
});
