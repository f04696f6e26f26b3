/** Component tests run in jsdom; the browser's fetch is stubbed per test. */
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'web',
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};
