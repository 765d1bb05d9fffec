export * from './commands';
export * from './decider';
export * from './events';
export * from './state';
export * from './values';
export * from './driver-diagram';
export * from './driver-diagram-state';
