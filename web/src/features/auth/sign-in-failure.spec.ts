import { ApiError, ApiUnreachableError } from '../../lib/api-client';
import { describeSignInFailure, formatWait } from './sign-in-failure';

describe('describeSignInFailure', () => {
  it.each<[string, Error]>([
    ['Wrong email or password.', new ApiError(401, 'Unauthorized')],
    ['Too many sign-in attempts: try again in 45 s.', new ApiError(429, 'Too Many Requests', {}, 45)],
    ['Too many sign-in attempts: try again in 3 min.', new ApiError(429, 'Too Many Requests', {}, 125)],
    ['Too Many Requests', new ApiError(429, 'Too Many Requests')],
    ['The API is unreachable: try again in a moment.', new ApiUnreachableError()],
    ['Internal server error', new ApiError(500, 'Internal server error')],
  ])('says "%s"', (words, error) => {
    expect(describeSignInFailure(error)).toBe(words);
  });
});

describe('formatWait', () => {
  it('counts seconds under a minute, and whole minutes, rounded up, from there', () => {
    expect(formatWait(0)).toBe('0 s');
    expect(formatWait(59)).toBe('59 s');
    expect(formatWait(60)).toBe('1 min');
    expect(formatWait(61)).toBe('2 min');
  });
});
