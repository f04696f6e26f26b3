export * from './env';
export * from './connections';
export * from './retry-until-ready';
