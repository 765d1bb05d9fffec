export * from './errors';
export * from './event-validation';
export * from './expected-revision';
export * from './port';
export * from './recorded-event';
