import { startNowToDial } from './start-now-dials';

describe('start-now to dial', () => {
  it('times each dial from its own command, matched by number', () => {
    const sent = [
      { phoneNumber: '+12125550000', sentAt: 1_000 },
      { phoneNumber: '+12125550001', sentAt: 1_010 },
    ];
    const receipts = [
      { phoneNumber: '+12125550001', receivedAt: 1_150 },
      { phoneNumber: '+12125550000', receivedAt: 1_090 },
    ];
    expect(startNowToDial(sent, receipts)).toEqual({ delaysMs: [90, 140], neverDialled: [] });
  });

  it('names the calls the provider never heard of', () => {
    expect(startNowToDial([{ phoneNumber: '+12125550002', sentAt: 1_000 }], [])).toEqual({ delaysMs: [], neverDialled: ['+12125550002'] });
  });
});
