import { expectFieldError } from './api-errors';
import { ApiHarness, uniquePhoneNumber } from './api-harness';

let harness: ApiHarness;

beforeAll(async () => {
  harness = await ApiHarness.start();
});

afterAll(() => harness?.close());

describe('the note of a call', () => {
  it('keeps a note in any script, emoji included, and the call is still dialled', async () => {
    const note = 'Rappeler Zoë — 折り返し電話 📞';

    const created = await harness.createCall({ phoneNumber: uniquePhoneNumber(), note: `  ${note}  ` });
    const completed = await harness.waitForStatus(created.id, 'completed');

    expect(created.note).toBe(note);
    expect(completed.note).toBe(note);
    expect(completed.events[0]).toMatchObject({ type: 'CallScheduled', data: { note } });
  });

  // PostgreSQL text cannot hold U+0000, and jsonb refuses an unpaired surrogate: either would
  // leave the call's workflow retrying its first projection write for good, never dialing.
  it.each([
    { name: 'a NUL character', note: 'before\u0000after' },
    { name: 'an unpaired UTF-16 surrogate', note: 'before\ud800after' },
  ])('answers 400 naming note for $name, and creates nothing', async ({ note }) => {
    const phoneNumber = uniquePhoneNumber();
    const before = (await harness.listAll()).map((call) => call.id);

    const response = await harness.api().post('/api/calls').send({ phoneNumber, note });

    expectFieldError(response, 400, 'note');
    expect((await harness.listAll()).map((call) => call.id)).toEqual(before);
    expect(harness.dialsTo(phoneNumber)).toEqual([]);
  });
});
