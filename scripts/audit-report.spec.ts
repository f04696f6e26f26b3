import { judgeAudit } from './audit-report';

/** Trimmed from what npm 11 answers: pg-int8 has a high advisory, pg-types depends on it, concurrently has a moderate one. */
function report(severities: { pgInt8: string; concurrently: string }): string {
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {
      concurrently: {
        name: 'concurrently',
        severity: severities.concurrently,
        isDirect: true,
        via: [{ source: 2, name: 'concurrently', title: 'Advisory B', url: 'https://advisories.example/B', severity: severities.concurrently, range: '<=9.2.5' }],
        range: '<=9.2.5',
      },
      'pg-int8': {
        name: 'pg-int8',
        severity: severities.pgInt8,
        isDirect: false,
        via: [{ source: 1, name: 'pg-int8', title: 'Advisory A', url: 'https://advisories.example/A', severity: severities.pgInt8, range: '<=1.0.1' }],
        range: '<=1.0.1',
      },
      'pg-types': { name: 'pg-types', severity: severities.pgInt8, isDirect: false, via: ['pg-int8'], range: '' },
    },
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 2, critical: 0, total: 3 } },
  });
}

describe('judgeAudit', () => {
  it('fails on high and critical advisories, naming each package and what it comes from', () => {
    expect(judgeAudit(report({ pgInt8: 'high', concurrently: 'critical' }))).toEqual({
      kind: 'failed',
      advisories: [
        'critical concurrently <=9.2.5: Advisory B (https://advisories.example/B)',
        'high pg-int8 <=1.0.1: Advisory A (https://advisories.example/A)',
        'high pg-types: via pg-int8',
      ],
    });
  });

  it('passes with advisories below high, counting them', () => {
    const moderateOnly = JSON.parse(report({ pgInt8: 'moderate', concurrently: 'low' }));
    moderateOnly.metadata.vulnerabilities = { info: 0, low: 1, moderate: 2, high: 0, critical: 0, total: 3 };
    expect(judgeAudit(JSON.stringify(moderateOnly))).toEqual({ kind: 'passed', below: '2 moderate, 1 low' });
  });

  it('passes a clean report', () => {
    const clean = { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 } } };
    expect(judgeAudit(JSON.stringify(clean))).toEqual({ kind: 'passed', below: 'none' });
  });

  it('calls the audit service unavailable when npm could not ask it', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '', error: { summary: '', detail: '' } };
    const unreachable = { message: 'request to https://registry.example/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED', error: { summary: '', detail: '' } };
    expect(judgeAudit(JSON.stringify(refused))).toEqual({ kind: 'unavailable', reason: refused.message });
    expect(judgeAudit(JSON.stringify(unreachable))).toEqual({ kind: 'unavailable', reason: unreachable.message });
  });

  it('throws when npm itself failed, or answered something else', () => {
    const noLockfile = { error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } };
    expect(() => judgeAudit(JSON.stringify(noLockfile))).toThrow('npm audit gave no report: This command requires an existing lockfile.');
    expect(() => judgeAudit('npm ERR! something')).toThrow('npm audit did not answer in JSON: npm ERR! something');
  });
});
