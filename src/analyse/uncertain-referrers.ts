/**
 * A finding that says "only dead code uses this" is as sure as the deadness of that code: when a
 * referrer is itself only a low-confidence finding (a file an entry orch-guard could not map may
 * load, a script run by hand), this one is low confidence too. Repeated until nothing changes,
 * for chains. Findings are changed in place and returned.
 */
export function markUncertainReferrers<T extends { file: string; rule: string; reason?: string; referrers?: string[]; confidence?: 'low'; uncertainty?: string }>(findings: T[]): T[] {
  const dependents = findings.filter((finding) => finding.reason === 'only-referenced-by-dead-code' && (finding.referrers?.length ?? 0) > 0);
  if (dependents.length === 0) return findings;
  let changed = true;
  while (changed) {
    changed = false;
    const uncertainFiles = new Set(findings.filter((finding) => finding.rule === 'unused-file' && finding.confidence === 'low').map((finding) => finding.file));
    for (const finding of dependents) {
      if (finding.confidence === 'low') continue;
      // Referrers read `src/a.ts`, `src/a.ts#symbol` or `src/a.ts (top level)`.
      const uncertain = finding.referrers?.map((referrer) => referrer.replace(/(?:#.*| \(.*\))$/, '')).find((file) => uncertainFiles.has(file));
      if (uncertain === undefined) continue;
      finding.confidence = 'low';
      finding.uncertainty = `the code that uses it (${uncertain}) is only uncertainly unused`;
      changed = true;
    }
  }
  return findings;
}
