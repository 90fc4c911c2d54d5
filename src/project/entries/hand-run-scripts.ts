/** `scripts/` and `bin/` folders: people run their files by hand (`node scripts/release.mjs`). */
const HAND_RUN_DIR = /(?:^|\/)(?:scripts?|bin)\//;

/**
 * An unused file in `scripts/` or `bin/` that nothing names may still be run by hand: it is
 * reported (a dead script is worth knowing about) but with low confidence, so cleanup keeps it
 * and the hook does not block on it. Findings are changed in place and returned.
 */
export function markHandRunScripts<T extends { file: string; rule: string; confidence?: 'low'; uncertainty?: string }>(findings: T[]): T[] {
  for (const finding of findings) {
    if (finding.rule !== 'unused-file' || finding.confidence === 'low' || !HAND_RUN_DIR.test(finding.file)) continue;
    finding.confidence = 'low';
    finding.uncertainty = 'files in scripts/ and bin/ are often run by hand; nothing in the project names this one';
  }
  return findings;
}
