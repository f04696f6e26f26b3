import { eventLags } from './lags';

const at = (ms: number) => new Date(Date.parse('2026-12-01T09:30:00Z') + ms).toISOString();
const t = (ms: number) => Date.parse(at(ms));

describe('projection lag', () => {
  it("times each event from its record to the first sighting of its call's version", () => {
    const events = [
      { seq: 2, type: 'CallRescheduled', occurredAt: at(0) },
      { seq: 3, type: 'DialAttemptStarted', occurredAt: at(40) },
    ];
    const rows = [{ version: 2, at: t(25) }, { version: 3, at: t(90) }];
    const stream = [{ version: 2, at: t(60) }, { version: 3, at: t(100) }];
    expect(eventLags(events, rows, stream)).toEqual([
      { seq: 2, type: 'CallRescheduled', toRowMs: 25, toStreamMs: 60 },
      { seq: 3, type: 'DialAttemptStarted', toRowMs: 50, toStreamMs: 60 },
    ]);
  });

  it('counts an event as shown by the first later version, when one write carried it with the next', () => {
    const events = [{ seq: 4, type: 'CallRinging', occurredAt: at(0) }, { seq: 5, type: 'CallAnswered', occurredAt: at(10) }];
    const rows = [{ version: 5, at: t(30) }];
    expect(eventLags(events, rows, []).map((lag) => [lag.toRowMs, lag.toStreamMs])).toEqual([
      [30, null],
      [20, null],
    ]);
  });
});
