import { checkPhoneNumber } from './phone-number';

describe('checkPhoneNumber', () => {
  it.each([
    ['+14155550123', '+14155550123'],
    ['+1 (415) 555-0123', '+14155550123'],
    ['+44 20 7183 8750', '+442071838750'],
    ['+49 30 901820', '+4930901820'],
  ])('normalises %s to E.164', (input, e164) => {
    expect(checkPhoneNumber(input)).toEqual({ valid: true, e164 });
  });

  it('uses a default country for a national number', () => {
    expect(checkPhoneNumber('(415) 555-0123', 'US')).toEqual({ valid: true, e164: '+14155550123' });
  });

  it('asks for the country code when there is none', () => {
    expect(checkPhoneNumber('415 555 0123')).toEqual({ valid: false, reason: expect.stringContaining('country code') });
  });

  it.each(['hello', '+1 415', '+999 1234567', '+1 415 555 01234567890', '', 'Call +44 7400 123456 now', '+44 7400 123456\u0000'])('rejects %p', (input) => {
    expect(checkPhoneNumber(input).valid).toBe(false);
  });

  it('refuses an extension rather than drop it', () => {
    expect(checkPhoneNumber('+1 415 555 0123 ext. 12')).toEqual({ valid: false, reason: 'has an extension (12), which cannot be dialled' });
  });
});
