import type { CallDetailDto, CallDto } from '@call-scheduler/shared';
import { expectFieldError } from './api-errors';
import { ApiHarness, HOUR, eventually, fromNow, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(() => harness?.close());

const BERLIN = '+4930901820';
const CHICAGO = '+13125550123';
const OFFICE = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '21:00' };
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A UTC window every day that opens `inMs` from now (to the minute) and stays open an hour. */
function windowOpeningIn(inMs: number) {
  const opens = new Date(Math.ceil((Date.now() + inMs) / 60_000) * 60_000);
  const hhmm = (at: Date) => at.toISOString().slice(11, 16);
  return { opensAt: opens.toISOString(), window: { timeZone: 'UTC', days: EVERY_DAY, from: hhmm(opens), to: hhmm(new Date(opens.getTime() + HOUR)) } };
}

async function accountWithDefaultWindow() {
  const account = await harness.newAccount('Office hours');
  const admin = harness.api(account.keys.admin.secret);
  const set = await admin.put('/api/account/default-window').send(OFFICE);
  expect(set.status).toBe(200);
  expect(set.body.defaultWindow).toEqual(OFFICE);
  return { account, operator: harness.api(account.keys.operator.secret), admin };
}

describe("an account's default calling window", () => {
  it("applies, in the callee's zone inferred from the number, to calls that carry no window", async () => {
    const { operator } = await accountWithDefaultWindow();

    const created = await operator.post('/api/calls').send({ phoneNumber: BERLIN, scheduledAt: fromNow(HOUR) });

    expect(created.status).toBe(201);
    expect((created.body as CallDto).window).toEqual({ ...OFFICE, timeZone: 'Europe/Berlin' });
  });

  it('asks for the zone of a number whose country has several, and takes it field by field over the default', async () => {
    const { operator } = await accountWithDefaultWindow();

    expectFieldError(await operator.post('/api/calls').send({ phoneNumber: CHICAGO }), 400, 'window.timeZone');
    const created = await operator.post('/api/calls').send({ phoneNumber: CHICAGO, scheduledAt: fromNow(HOUR), window: { timeZone: 'America/Chicago', to: '20:00' } });
    expect(created.status).toBe(201);
    expect(created.body.window).toEqual({ ...OFFICE, to: '20:00', timeZone: 'America/Chicago' });
  });

  it('is left out by a call whose window is null', async () => {
    const { operator } = await accountWithDefaultWindow();

    const created = await operator.post('/api/calls').send({ phoneNumber: CHICAGO, scheduledAt: fromNow(HOUR), window: null });

    expect(created.status).toBe(201);
    expect(created.body.window).toBeNull();
  });

  it('is removed by DELETE, and refuses a zone or a bad field, changing nothing', async () => {
    const { admin } = await accountWithDefaultWindow();

    expectFieldError(await admin.put('/api/account/default-window').send({ ...OFFICE, from: '8am' }), 400, 'from');
    expectFieldError(await admin.put('/api/account/default-window').send({ ...OFFICE, timeZone: 'UTC' }), 400, 'timeZone');
    expect((await admin.get('/api/account')).body.defaultWindow).toEqual(OFFICE);
    expect((await admin.delete('/api/account/default-window')).body.defaultWindow).toBeNull();
  });

  it('is set by admins only', async () => {
    const { account } = await accountWithDefaultWindow();
    expect((await harness.api(account.keys.operator.secret).put('/api/account/default-window').send(OFFICE)).status).toBe(403);
  });
});

describe('POST /api/calls with a window and a deadline', () => {
  it.each([
    ['window.from', { window: { timeZone: 'UTC', days: EVERY_DAY, from: '25:00', to: '09:00' } }],
    ['window.days', { window: { timeZone: 'UTC', days: ['someday'], from: '08:00', to: '09:00' } }],
    ['window.timeZone', { window: { timeZone: 'Mars/Olympus', days: EVERY_DAY, from: '08:00', to: '09:00' } }],
    ['window', { window: '9 to 5' }],
    ['latestAt', { latestAt: 'tomorrow' }],
    ['latestAt', { scheduledAt: fromNow(2 * HOUR), latestAt: fromNow(HOUR) }],
    ['latestAt', { ...windowOpeningIn(3 * HOUR), latestAt: fromNow(HOUR) }],
  ])('answers 400 naming %s, and makes no call', async (field, fields) => {
    const phoneNumber = uniquePhoneNumber();
    const { opensAt: _opensAt, ...body } = { phoneNumber, ...fields } as Record<string, unknown>;

    expectFieldError(await harness.api().post('/api/calls').send(body), 400, field);
    expect((await harness.api().get('/api/calls')).body.items.map((call: CallDto) => call.phoneNumber)).not.toContain(phoneNumber);
  });

  it('shows when a call outside its window will ring, and why it waits', async () => {
    const { opensAt, window } = windowOpeningIn(2 * HOUR);
    const latestAt = fromNow(3 * HOUR);
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), window, latestAt });
    expect(call).toMatchObject({ window, latestAt });

    const waiting = await eventually(() => harness.getCall(call.id), (detail: CallDetailDto) => detail.windowOpensAt !== null);

    expect(waiting.windowOpensAt).toBe(opensAt);
    expect(waiting.events.map((event) => event.type)).toEqual(['CallScheduled', 'CallWaitingForWindow']);
    expect(waiting.events[1]?.data).toEqual({ opensAt, timeZone: 'UTC', localTime: window.from });
  });

  it('starts a waiting call at once only with overrideWindow', async () => {
    const call = await harness.createCall({ phoneNumber: uniquePhoneNumber(), window: windowOpeningIn(2 * HOUR).window });
    await eventually(() => harness.getCall(call.id), (detail: CallDetailDto) => detail.windowOpensAt !== null);

    expectFieldError(await harness.api().post(`/api/calls/${call.id}/start-now`).send({ overrideWindow: 'yes' }), 400, 'overrideWindow');
    const started = await harness.api().post(`/api/calls/${call.id}/start-now`).send({ overrideWindow: true });

    expect(started.status).toBe(200);
    const dialled = await eventually(() => harness.getCall(call.id), (detail: CallDetailDto) => detail.attempt === 1);
    expect(dialled.events.find((event) => event.type === 'CallRescheduled')?.data).toMatchObject({ startNow: true, overrideWindow: true });
  });

  it('lists expired calls by status', async () => {
    const response = await harness.api().get('/api/calls?status=expired');
    expect(response.status).toBe(200);
  });
});
