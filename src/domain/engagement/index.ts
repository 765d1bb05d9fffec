export * from './commands';
export * from './decider';
export * from './engagement-types';
export * from './events';
export * from './monthly-period';
