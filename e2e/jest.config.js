module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  globalSetup: '<rootDir>/src/support/jest-global-setup.ts',
  globalTeardown: '@call-scheduler/testing/dist/jest-global-teardown.js',
  testTimeout: 120_000,
};
