module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  globalSetup: '<rootDir>/src/support/jest-global-setup.ts',
  globalTeardown: '@call-scheduler/testing/dist/jest-global-teardown.js',
  // A test file spends most of its time waiting on the processes it starts: two at a time, even on two cores.
  maxWorkers: 2,
  testTimeout: 120_000,
};
