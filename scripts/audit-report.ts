/** What `npm audit --json` said, judged: CI fails on a high or critical advisory in what ships. */
export type AuditOutcome =
  | { kind: 'passed'; below: string }
  | { kind: 'failed'; advisories: string[] }
  | { kind: 'unavailable'; reason: string };

const FAILING = ['critical', 'high'];
const PASSING = ['moderate', 'low', 'info'];

interface Vulnerability {
  name: string;
  severity: string;
  range?: string;
  via?: (string | { title?: string; url?: string })[];
}

interface AuditJson {
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: { vulnerabilities?: Record<string, number> };
  /** Set, with no report, when npm could not get one from the registry's audit service. */
  message?: string;
  error?: { code?: string; summary?: string };
}

export function judgeAudit(output: string): AuditOutcome {
  const audit = parse(output);
  if (audit.vulnerabilities) {
    const advisories = Object.values(audit.vulnerabilities).filter((v) => FAILING.includes(v.severity)).map(describe);
    return advisories.length ? { kind: 'failed', advisories } : { kind: 'passed', below: countsBelowHigh(audit) };
  }
  if (typeof audit.message === 'string') return { kind: 'unavailable', reason: audit.message };
  throw new Error(`npm audit gave no report: ${audit.error?.summary || output.trim().slice(0, 200)}`);
}

function parse(output: string): AuditJson {
  try {
    return JSON.parse(output) as AuditJson;
  } catch {
    throw new Error(`npm audit did not answer in JSON: ${output.trim().slice(0, 200)}`);
  }
}

/** `high lodash <=4.17.20: Prototype Pollution in lodash (https://…)`, or `high pg: via pg-types` for a package that depends on one. */
function describe({ name, severity, range, via = [] }: Vulnerability): string {
  const causes = via.map((cause) => (typeof cause === 'string' ? `via ${cause}` : `${cause.title} (${cause.url})`));
  return `${[severity, name, range].filter(Boolean).join(' ')}: ${causes.join('; ')}`;
}

function countsBelowHigh(audit: AuditJson): string {
  const counts = audit.metadata?.vulnerabilities ?? {};
  const found = PASSING.filter((severity) => counts[severity]).map((severity) => `${counts[severity]} ${severity}`);
  return found.length ? found.join(', ') : 'none';
}
