module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  globalSetup: '@call-scheduler/testing/dist/jest-global-setup.js',
  globalTeardown: '@call-scheduler/testing/dist/jest-global-teardown.js',
  testTimeout: 120_000,
};
