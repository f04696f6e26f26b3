module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'api',
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts'],
  globalSetup: '@call-scheduler/testing/dist/jest-global-setup.js',
  globalTeardown: '@call-scheduler/testing/dist/jest-global-teardown.js',
  testTimeout: 60_000,
};
