module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'db',
  globalSetup: '@call-scheduler/testing/dist/jest-global-setup.js',
  globalTeardown: '@call-scheduler/testing/dist/jest-global-teardown.js',
};
