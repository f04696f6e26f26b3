import { earlyDials, latenesses } from './lateness';

describe('firing lateness', () => {
  it('measures each dial from the instant it was due, at the provider', () => {
    const dueAt = Date.parse('2026-12-01T09:30:00Z');
    const receipts = [
      { phoneNumber: '+14155550001', receivedAt: dueAt + 120 },
      { phoneNumber: '+14155550002', receivedAt: dueAt },
    ];
    expect(latenesses(receipts, dueAt)).toEqual([120, 0]);
  });

  it('finds a dial received before its call was due, even by a millisecond, and counts one on the instant as on time', () => {
    const dueAt = Date.parse('2026-12-01T09:30:00Z');
    const early = { phoneNumber: '+14155550003', receivedAt: dueAt - 1 };
    const receipts = [{ phoneNumber: '+14155550001', receivedAt: dueAt }, early, { phoneNumber: '+14155550002', receivedAt: dueAt + 5 }];
    expect(earlyDials(receipts, dueAt)).toEqual([early]);
  });
});
