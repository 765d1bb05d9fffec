export * from './command';
export * from './domain-error';
export * from './values';
export * from './with-changes';
