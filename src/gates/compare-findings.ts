import type { Finding } from '../rule-engine/finding.js';
import { withAnalysis } from '../analyse/with-analysis.js';

export interface FindingComparison {
  /** Every finding now. */
  findings: Finding[];
  /** The findings whose fingerprint was not among `before`: what the change introduced. */
  introduced: Finding[];
  fingerprints: string[];
  notices: string[];
}

/**
 * The findings of the project now, compared by fingerprint (rule, file, symbol, kind: stable
 * when lines move) with those before a change. Cheap when few files changed: facts are cached
 * by content hash. The integration gate after each wave of `orch-guard run` judges `introduced`.
 */
export async function compareFindings(
  options: { root: string; configFile?: string; baseline?: string | false },
  before: ReadonlySet<string>,
): Promise<FindingComparison> {
  const notices: string[] = [];
  return withAnalysis({ ...options, notices }, ({ findings }) => ({
    findings,
    introduced: findings.filter((finding) => !before.has(finding.fingerprint)),
    fingerprints: [...new Set(findings.map((finding) => finding.fingerprint))],
    notices,
  }));
}
