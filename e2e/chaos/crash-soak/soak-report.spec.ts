import { findings } from './findings';
import { soakReport } from './soak-report';

const startedAt = Date.parse('2026-12-01T09:30:00.000Z');
const nothingSeen = { creates: [], accountCalls: [], details: new Map(), workflows: new Map(), providerCalls: [] };

describe('the crash soak report', () => {
  it('fails the run when a process died without being killed, though every call kept its promises', () => {
    const outcome = { asked: 0, found: findings(nothingSeen), faults: [], delays: new Map(), startedAt };
    expect(soakReport({ ...outcome, crashes: [] }).failures).toEqual([]);

    const crashed = soakReport({ ...outcome, crashes: [{ process: 'worker-2', at: startedAt + 12_300, how: 'exit code 1' }] });
    expect(crashed.crashes).toEqual([{ process: 'worker-2', atMs: 12_300, how: 'exit code 1' }]);
    expect(crashed.failures).toEqual(['1 processes died without being killed (worker-2 at +12.3 s, exit code 1)']);
  });
});
