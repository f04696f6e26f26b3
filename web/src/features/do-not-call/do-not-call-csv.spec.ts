import { checkDoNotCallRow, describeImportRow } from './do-not-call-csv';

describe('checkDoNotCallRow', () => {
  it('reads the number as E.164 and keeps a reason given', () => {
    expect(checkDoNotCallRow({ phoneNumber: '+44 20 7183 8750', reason: 'Wrong number' })).toEqual({ value: { phoneNumber: '+442071838750', reason: 'Wrong number' } });
    expect(checkDoNotCallRow({ phoneNumber: '+14155550123', reason: '' })).toEqual({ value: { phoneNumber: '+14155550123' } });
  });

  it('refuses, as the API would, a number without its country code and a reason too long', () => {
    expect(checkDoNotCallRow({ phoneNumber: '', reason: 'r'.repeat(201) })).toEqual({
      problems: [
        { field: 'phoneNumber', message: 'phoneNumber is empty' },
        { field: 'reason', message: 'reason is longer than 200 characters' },
      ],
    });
    expect(checkDoNotCallRow({ phoneNumber: '020 7183 8750' }).problems).toEqual([
      { field: 'phoneNumber', message: 'phoneNumber must start with + and the country code, e.g. +14155550123' },
    ]);
  });
});

describe('describeImportRow', () => {
  it('says what became of each row', () => {
    expect(describeImportRow({ row: 0, status: 'added', phoneNumber: '+14155550123' })).toEqual({ status: 'done', label: 'Added' });
    expect(describeImportRow({ row: 1, status: 'already listed', phoneNumber: '+14155550123' })).toEqual({ status: 'done', label: 'Already listed' });
    const errors = [{ field: 'phoneNumber', message: 'phoneNumber is not a phone number' }];
    expect(describeImportRow({ row: 2, status: 'rejected', errors })).toEqual({ status: 'refused', problems: errors });
  });
});
