export * from './aim-rule';
export * from './commands';
export * from './decider';
export * from './events';
export * from './periods';
export * from './series';
export * from './state';
export * from './values';
