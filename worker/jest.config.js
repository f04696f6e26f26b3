module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'worker',
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'],
  globalSetup: '@call-scheduler/testing/dist/jest-global-setup.js',
  globalTeardown: '@call-scheduler/testing/dist/jest-global-teardown.js',
  // A test file spends most of its time waiting on timers, Temporal and PostgreSQL: two at a time, even on two cores.
  maxWorkers: 2,
  testTimeout: 60_000,
};
