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
  | 'stale-suppression';

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
  /** For `only-referenced-by-dead-code` and `only-fake-references`: who refers to it. */
  referrers?: string[];
}

/** What a rule reports, before severity, suppressions and fingerprints are applied. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity' | 'fingerprint' | 'symbol' | 'kind'> & {
  symbol?: string;
  kind?: string;
};
