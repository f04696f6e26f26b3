module.exports = { ...require('../jest.preset.js'), displayName: 'mock-provider' };
