import type { SoakObservations } from '../crash-soak/findings';
import { databaseOutageReport, outageReport } from './outage-report';

const down = Date.parse('2026-12-01T09:30:00.000Z');
const back = down + 20_000;
const nothingSeen: SoakObservations = { creates: [], accountCalls: [], details: new Map(), workflows: new Map(), providerCalls: [] };

describe('what a database outage finds', () => {
  it('passes APIs that answered 503 while PostgreSQL was down and served again once it was back', () => {
    const reads = [
      { at: down + 200, status: 200, tookMs: 5 },
      { at: down + 5_000, status: 503, tookMs: 12 },
      { at: back - 100, status: 'network' as const, tookMs: 10_000 },
      { at: back + 300, status: 503, tookMs: 8 },
      { at: back + 900, status: 200, tookMs: 30 },
    ];
    const report = outageReport({ asked: 0, seen: nothingSeen, reads: reads.slice(0, 2).concat(reads.slice(3)), movedBack: [], down, back, ended: back + 4_000 });

    expect(report).toMatchObject({ downMs: 20_000, readsWhileDown: { 503: 1 }, servingAgainAfterMs: 900, allEndedAfterMs: 4_000 });
    expect(report.failures).toEqual([]);

    const unanswered = outageReport({ asked: 0, seen: nothingSeen, reads, movedBack: [], down, back, ended: back });
    expect(unanswered.failures).toEqual(['1 reads answered other than 503 while PostgreSQL was down: network']);
  });

  it('fails a projection that moved backwards, and APIs that never served again', () => {
    const report = outageReport({ asked: 0, seen: nothingSeen, reads: [], movedBack: [{ callId: 'a', why: 'version 3 read after 4' }], down, back, ended: back });

    expect(databaseOutageReport([report]).failures).toEqual([
      '20.0 s outage: 1 projections that moved backwards: a (version 3 read after 4)',
      '20.0 s outage: no read was served after PostgreSQL came back',
    ]);
  });
});
