import type { DialHold } from '@call-scheduler/shared/workflow';
import { CLOSED_RECHECK_MS, CONCURRENT_RECHECK_MS, MIN_RECHECK_MS, isNewHold, recheckAt } from '../src/workflows/dial-permit';

const NOW = Date.parse('2030-01-01T10:00:00Z');
const HOURLY: DialHold = { limit: 'hourly', reason: 'The limit of 7 dials per hour is reached; room again at 10:42 UTC', retryAt: '2030-01-01T10:41:30.000Z' };
const CONCURRENT: DialHold = { limit: 'concurrent', reason: 'The limit of 2 calls in progress at once is reached', retryAt: null };

describe('recheckAt', () => {
  it.each<[string, DialHold, number]>([
    ['a window hold: when room comes', HOURLY, Date.parse(HOURLY.retryAt!)],
    ['a window hold whose time has passed by the worker clock: a moment later', { ...HOURLY, retryAt: '2030-01-01T09:59:59.000Z' }, NOW + MIN_RECHECK_MS],
    ['a hold by the calls in progress: after the re-check interval', CONCURRENT, NOW + CONCURRENT_RECHECK_MS],
    ['a limit of zero: after the long re-check interval', { limit: 'daily', reason: 'The account allows no dials per day', retryAt: null }, NOW + CLOSED_RECHECK_MS],
  ])('%s', (_case, hold, expected) => {
    expect(recheckAt(hold, NOW)).toBe(expected);
  });
});

describe('isNewHold', () => {
  it.each<[string, DialHold | null, DialHold, boolean]>([
    ['no hold shown yet', null, CONCURRENT, true],
    ['the same hold again', CONCURRENT, { ...CONCURRENT }, false],
    ['another limit', CONCURRENT, HOURLY, true],
    ['the same window, room at another time', HOURLY, { ...HOURLY, retryAt: '2030-01-01T10:43:00.000Z' }, true],
    ['the same limit, another reason', CONCURRENT, { ...CONCURRENT, reason: 'The account allows no calls in progress' }, true],
  ])('%s', (_case, current, hold, expected) => {
    expect(isNewHold(current, hold)).toBe(expected);
  });
});
