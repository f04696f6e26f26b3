import { callWindowFor, type DefaultCallingWindow } from './call-window-request';

const OFFICE: DefaultCallingWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '21:00' };
const CHICAGO = '+13125550123';
const BERLIN = '+4930901820';

describe('callWindowFor', () => {
  it('keeps no window when the call asks for none, whatever the account says', () => {
    expect(callWindowFor(null, OFFICE, BERLIN)).toEqual({ window: null, problems: [] });
    expect(callWindowFor(undefined, null, BERLIN)).toEqual({ window: null, problems: [] });
  });

  it("takes the account's default in the zone of a number whose country keeps one time", () => {
    expect(callWindowFor(undefined, OFFICE, BERLIN)).toEqual({ window: { ...OFFICE, timeZone: 'Europe/Berlin' }, problems: [] });
  });

  it("lets the call override the default field by field", () => {
    const asked = { timeZone: 'America/Chicago', from: '09:30' };
    expect(callWindowFor(asked, OFFICE, CHICAGO).window).toEqual({ ...OFFICE, timeZone: 'America/Chicago', from: '09:30' });
  });

  it('asks for the zone of a number whose country has several, naming some of them', () => {
    const { problems } = callWindowFor(undefined, OFFICE, CHICAGO);
    expect(problems).toEqual([{ field: 'window.timeZone', message: expect.stringMatching(/^window\.timeZone must be given: \+13125550123 is in US, whose time zones differ \(America\/\w+, .* and \d+ more\)$/) }]);
  });

  it('names each field a window without a default is missing', () => {
    expect(callWindowFor({ timeZone: 'Europe/Berlin' }, null, BERLIN).problems.map((p) => p.field)).toEqual(['window.days', 'window.from', 'window.to']);
  });

  it('names a field it does not know before a zone it cannot infer', () => {
    expect(callWindowFor({ a: 1 }, OFFICE, CHICAGO).problems.map((p) => p.field)).toEqual(['window.a', 'window.timeZone']);
  });

  it('refuses a window that is not an object', () => {
    expect(callWindowFor('9 to 5', OFFICE, BERLIN).problems).toEqual([{ field: 'window', message: expect.stringContaining('must be an object') }]);
  });
});
