export * from './test-services';
export { takeDatabaseAway, type DatabaseAway } from './database-away';
export { freePort } from './free-port';
export { ensureTemporalBinary } from './temporal-binary';
export { startTestTemporal, type TestTemporalOptions } from './test-temporal';
export { ensureJavaTestServer } from './java-test-server';
export { startTimeSkippingTemporal, SkippedClock } from './time-skipping-temporal';
