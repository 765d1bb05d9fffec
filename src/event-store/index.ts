export * from './errors';
export * from './event-validation';
export * from './expected-revision';
export * from './idempotency-claim';
export * from './port';
export * from './recorded-event';
