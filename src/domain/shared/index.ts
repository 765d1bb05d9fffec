export * from './command';
export * from './domain-error';
export * from './values';
