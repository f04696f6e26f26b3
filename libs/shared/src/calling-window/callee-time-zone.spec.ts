import { calleeTimeZones, inferCalleeTimeZone } from './callee-time-zone';

describe('calleeTimeZones', () => {
  it.each([
    ['a London number', '+442079460000', 'GB', ['Europe/London']],
    ['a Mumbai number', '+912222222222', 'IN', ['Asia/Kolkata']],
    ['a Guernsey number, under the island\'s own name for London time', '+441481781234', 'GG', ['Europe/Guernsey']],
    ['a Stockholm number, under Sweden\'s own name for the zone it shares with Berlin', '+46812345678', 'SE', ['Europe/Stockholm']],
    ['an Accra number, under Ghana\'s own name for the zone it shares with Abidjan', '+233302123456', 'GH', ['Africa/Accra']],
    ['a Berlin number, whose country also has Büsingen', '+4930123456', 'DE', ['Europe/Berlin', 'Europe/Busingen']],
    ['a Kosovo number, whose country the zone data does not list', '+38344123456', 'XK', []],
    ['an international freephone number', '+80012345678', undefined, []],
  ])('%s: %s', (_case, e164, country, zones) => {
    expect(calleeTimeZones(e164)).toEqual({ country, zones });
  });

  it('lists every zone of a country with several, without links to them', () => {
    const { country, zones } = calleeTimeZones('+12125550123');
    expect(country).toBe('US');
    expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Pacific/Honolulu']));
    expect(zones).not.toContain('US/Eastern');
  });
});

describe('inferCalleeTimeZone', () => {
  it.each([
    ['+442079460000', 'Europe/London'],
    ['+912222222222', 'Asia/Kolkata'],
    ['+31201234567', 'Europe/Amsterdam'],
    ['+4930123456', 'Europe/Berlin'],
    ['+12125550123', undefined],
    ['+8613812345678', undefined],
    ['+34911234567', undefined],
    ['+80012345678', undefined],
  ])('%s keeps the time of %s', (e164, zone) => {
    expect(inferCalleeTimeZone(e164)).toBe(zone);
  });
});
