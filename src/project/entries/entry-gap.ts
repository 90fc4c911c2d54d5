/**
 * An entry a package names that orch-guard could not map to a source file. Findings in the
 * package depend on it (the entry may be what keeps them live), so they are low confidence.
 */
export interface EntryGap {
  /** An entry with no source, a tsconfig that cannot be read, a tool (knip) that failed. */
  kind: 'unmapped-entry' | 'unreadable-config' | 'tool-failure';
  /** Root-relative directory of the package ('' for the root). */
  packageDir: string;
  /** What names the entry, e.g. `package.json main "dist/index.js"`. */
  entry: string;
  /** The config line that would fix it. */
  fix: string;
}

/** The one-line notice for an unmapped entry (the other gaps are reported where they happen). */
export function describeGap(gap: EntryGap): string {
  return `${gap.entry} names no source file: findings in ${gap.packageDir === '' ? 'the root package' : gap.packageDir} are low confidence (add \`${gap.fix}\` to orch.config.ts if that is its source)`;
}

/**
 * Marks findings in packages with a gap as low confidence (the closest package containing
 * the finding's file decides). A finding in a nested package (`nestedDirs`: own package.json, not
 * a workspace) takes that package's gaps and, as before it was told apart, its workspace's.
 * Findings are changed in place and returned.
 */
export function markGapFindings<T extends { file: string; confidence?: 'low'; uncertainty?: string }>(
  findings: T[],
  gaps: readonly EntryGap[],
  packageDirs: readonly string[],
  nestedDirs: readonly string[] = [],
): T[] {
  if (gaps.length === 0) return findings;
  const closest = (dirs: readonly string[]) => {
    const sorted = [...dirs].sort((a, b) => b.length - a.length);
    return (file: string) => sorted.find((dir) => dir === '' || file.startsWith(`${dir}/`)) ?? '';
  };
  const workspaceOf = closest(packageDirs);
  const nestedOf = closest(nestedDirs.filter((dir) => dir !== ''));
  const gapsByDir = new Map<string, EntryGap[]>();
  for (const gap of gaps) gapsByDir.set(gap.packageDir, [...(gapsByDir.get(gap.packageDir) ?? []), gap]);
  for (const finding of findings) {
    const nested = nestedOf(finding.file);
    const packageGaps = [...(nested !== '' ? gapsByDir.get(nested) ?? [] : []), ...(gapsByDir.get(workspaceOf(finding.file)) ?? [])];
    if (packageGaps.length === 0 || finding.confidence === 'low') continue;
    finding.confidence = 'low';
    finding.uncertainty = `${packageGaps[0].entry} is not mapped to a source file; it may be what uses this`;
  }
  return findings;
}
