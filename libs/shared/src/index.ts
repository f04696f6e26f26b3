export * from './call-status';
export * from './call-events';
export * from './call-state';
export * from './call-limits';
export * from './call.dto';
export * from './call-stream';
export * from './phone-number';
