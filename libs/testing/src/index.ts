export * from './test-services';
export { freePort } from './free-port';
export { findTemporalBinary } from './temporal-binary';
export { startTestTemporal, type TestTemporalOptions } from './test-temporal';
