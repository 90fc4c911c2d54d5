export type Severity = 'error' | 'warn';

/** Why a piece of code is reported: the explanation every finding carries. */
export type Reason =
  | 'unreferenced'
  | 'only-referenced-in-own-file'
  | 'only-referenced-by-dead-code'
  | 'only-referenced-by-tests'
  | 'only-fake-references'
  | 'unresolved'
  | 'duplicate'
  | 'syntax-error'
  | 'stale-suppression'
  | 'stale-baseline-entry'
  | 'missing-dependency'
  | 'boundary'
  | 'duplicate-symbol'
  | 'duplicate-body'
  | 'similar-body'
  | 'import-cycle';

export interface Finding {
  rule: string;
  severity: Severity;
  /** Root-relative posix path. */
  file: string;
  line: number;
  column: number;
  symbol: string | null;
  kind: string | null;
  reason: Reason;
  message: string;
  /** Stable identity for baselines: rule + file + symbol + kind, no line numbers. */
  fingerprint: string;
  /**
   * For `only-referenced-by-dead-code` and `only-fake-references`: who refers to it; for
   * `unreferenced`, the re-exports that forward it when nothing imports them.
   */
  referrers?: string[];
  /** With --staged / --changed-since: whether the changes introduced it (absent otherwise). */
  introduced?: boolean;
  /** Recorded in the baseline file: reported, but it does not fail the run. */
  baselined?: boolean;
  /** duplicate-implementation, reason `similar-body`: the estimated share of code the two copies have in common (0..1). */
  similarity?: number;
  /** The component the finding belongs to, when components are declared. */
  component?: string;
  /** contract-unconsumed: the consuming component that does not use the provided symbol. */
  consumer?: string;
  /**
   * `low` when the analysis could not be sure: the finding depends on something orch-guard
   * could not map (an entry it could not find the source of, a dynamic load it could not
   * bound). Cleanup never removes low-confidence findings and the hook does not block on them.
   */
  confidence?: 'low';
  /** With confidence `low`: what the analysis could not be sure of, in one sentence. */
  uncertainty?: string;
}

/** Findings that fail a run: errors the change introduced (if scoped) and not baselined. */
export function isFailing(finding: Finding): boolean {
  if (finding.severity !== 'error' || finding.introduced === false || finding.baselined === true) return false;
  // A change-scoped run (the hook, --changed-since) does not block on what it cannot be sure of.
  return !(finding.introduced === true && finding.confidence === 'low');
}

/** What a rule reports, before severity, suppressions and fingerprints are applied. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity' | 'fingerprint' | 'symbol' | 'kind' | 'introduced' | 'baselined'> & {
  symbol?: string;
  kind?: string;
};
