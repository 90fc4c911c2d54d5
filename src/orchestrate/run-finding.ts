import type { Finding } from '../rule-engine/finding.js';
import type { GateFindingRow } from '../registry/pipeline-blame-store.js';

/**
 * A gate's finding as a run records it (events.jsonl, the registry, `status --reporter json`):
 * an object a lead, person or agent, can act on without parsing prose. `task` is the task the
 * finding is blamed on (null: nobody, e.g. pending or present before the run); `state`
 * `blocking` fails the gate, `pending` waits for a consumer still to be built (`waitingFor`),
 * `warning` is shown only; `consumer` is the component that should use the code; `original`
 * is the older copy of a duplicate implementation (`file#symbol`), the one to reuse.
 */
export type RunFinding = GateFindingRow;

const FIX_BY_RULE: Record<string, string> = {
  'unused-file': 'import the file from live code (wire it into its consumer), or delete it',
  'unused-export': 'use the export from live code in another module, or remove it',
  'unused-type': 'use the type from another module, or remove it',
  'dead-code': 'call it from live code, or remove it',
  'contract-unconsumed': 'call the provided symbol from the consumer\'s live production code (a `void x` does not count)',
  'duplicate-implementation': 'delete the new copy and import the existing implementation',
  'unresolved-import': 'fix the import path, or create what it names',
  'missing-export': 'export the name from the target module, or import an existing one',
  'boundary-violation': 'import only from components the component requires, or declare the requirement',
  'contract-requirement': 'create the required symbol with the declared kind, or change the contract',
};

/** A rule engine finding as a run records it. */
export function toRunFinding(finding: Finding, blame: { state: RunFinding['state']; task?: string; consumer?: string; waitingFor?: string; file?: string; line?: number | null; symbol?: string | null; message?: string; original?: string }): RunFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    state: blame.state,
    file: blame.file ?? finding.file,
    line: blame.line !== undefined ? blame.line : finding.line,
    symbol: blame.symbol !== undefined ? blame.symbol : finding.symbol,
    component: finding.component ?? null,
    consumer: blame.consumer ?? finding.consumer ?? null,
    task: blame.task ?? null,
    fingerprint: finding.fingerprint,
    message: blame.message ?? finding.message,
    fix: FIX_BY_RULE[finding.rule] ?? `see docs/rules/${finding.rule}.md`,
    ...(blame.waitingFor !== undefined ? { waitingFor: blame.waitingFor } : {}),
    ...(blame.original !== undefined ? { original: blame.original } : {}),
  };
}

/** One line of a gate's detail for a finding: rule, place, message. */
export const describeRunFinding = (finding: RunFinding): string => (finding.file === null
  ? `${finding.rule}: ${finding.message}`
  : `${finding.rule} ${finding.file}${finding.line !== null ? `:${finding.line}` : ''}: ${finding.message}`);

/** A gate's findings as the detail lines of its verdict: blamed, pending, warnings. */
export function describeGateFindings(findings: readonly RunFinding[]): string[] {
  return findings.map((finding) => {
    if (finding.state === 'pending') return `pending until component ${finding.waitingFor} is built: ${describeRunFinding(finding)}`;
    if (finding.state === 'warning') return `warning${finding.task !== null ? ` (${finding.task})` : ''}: ${describeRunFinding(finding)}`;
    return finding.task !== null ? `${finding.task}: ${describeRunFinding(finding)}` : describeRunFinding(finding);
  });
}
