export * from './commands';
export * from './decider';
export * from './events';
export * from './programme-types';
export * from './state';
