import { makeCall } from '../../testing/call-fixtures';
import { callKeys } from './api/call-keys';
import { callsExportHref } from './api/export-calls';
import { isNumberPrefix, matchesFilters } from './call-filters';

describe('call filters', () => {
  it.each(['', '+', '4420', '+14155550123'])('takes %p as a number search', (text) => expect(isNumberPrefix(text)).toBe(true));

  it.each(['44a', '+44 20', '++44', '1234567890123456'])('refuses %p as a number search', (text) => expect(isNumberPrefix(text)).toBe(false));

  it('keys each combination of filters apart, so each pages on its own', () => {
    const keys = [{}, { status: 'scheduled' as const }, { batchId: 'batch-1' }, { search: '44' }, { batchId: 'batch-1', search: '44' }].map((filters) =>
      JSON.stringify(callKeys.list(filters)),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(callKeys.list({})).toEqual(callKeys.list({ status: undefined, batchId: undefined, search: undefined }));
  });

  it('matches a number by its first digits, the + optional, as the API does', () => {
    const call = makeCall({ phoneNumber: '+14155550123', batchId: 'batch-1' });
    expect(matchesFilters(call, { search: '1415' })).toBe(true);
    expect(matchesFilters(call, { search: '+1415', batchId: 'batch-1', status: 'scheduled' })).toBe(true);
    expect(matchesFilters(call, { search: '415' })).toBe(false);
    expect(matchesFilters(call, { batchId: 'batch-2' })).toBe(false);
    expect(matchesFilters(call, { status: 'dialing' })).toBe(false);
  });

  it('exports with the filters as query parameters', () => {
    expect(callsExportHref({})).toBe('/api/calls/export');
    expect(callsExportHref({ status: 'failed', batchId: 'batch-1', search: '+44' })).toBe('/api/calls/export?status=failed&batchId=batch-1&search=%2B44');
  });
});
