export * from './call-workflow.contract';
export * from '../call-status';
export * from '../call-events';
export * from '../call-state';
export * from '../call-commands';
export * from '../call-failures';
export * from '../call-limits';
export * from '../accounts';
