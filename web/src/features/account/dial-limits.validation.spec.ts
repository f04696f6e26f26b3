import { checkDialLimits } from './dial-limits.validation';

const values = (overrides = {}) => ({ dialsPerHour: '200', dialsPerDay: '2000', maxConcurrentCalls: '20', ...overrides });

describe('checkDialLimits', () => {
  it('reads the limits as whole numbers', () => {
    expect(checkDialLimits(values({ dialsPerHour: '0' }))).toEqual({ request: { dialsPerHour: 0, dialsPerDay: 2000, maxConcurrentCalls: 20 } });
  });

  it.each([
    ['dialsPerHour', '1000001', 'Enter a whole number from 0 to 1000000.'],
    ['dialsPerDay', '-1', 'Enter a whole number from 0 to 10000000.'],
    ['maxConcurrentCalls', '2.5', 'Enter a whole number from 0 to 100000.'],
    ['maxConcurrentCalls', '', 'Enter a whole number from 0 to 100000.'],
  ])('refuses %s = %j within the bounds the API keeps', (field, value, message) => {
    expect(checkDialLimits(values({ [field]: value }))).toEqual({ errors: { [field]: message } });
  });
});
