import type { AnalysisContext } from './analysis-context.js';

/** The project files of a workspace that import a package, split by whether they are live. */
export interface PackageImporters {
  live: string[];
  dead: string[];
}

/**
 * Who imports each external package, from orch-guard's own resolved graph (every import form,
 * types included: a package used for types is still needed). Keyed `workspace\0package`;
 * a file belongs to the deepest workspace directory that contains it.
 */
export function packageImporters(context: AnalysisContext, workspaces: readonly string[]): Map<string, PackageImporters> {
  const deepestFirst = [...workspaces].sort((a, b) => b.length - a.length);
  const byKey = new Map<string, PackageImporters>();
  for (const file of context.files) {
    const workspace = deepestFirst.find((dir) => dir === '' || file.path.startsWith(`${dir}/`)) ?? '';
    const names = new Set(file.resolutions.flatMap((resolution) => (resolution.kind === 'external' ? [resolution.packageName] : [])));
    for (const name of names) {
      const key = `${workspace}\0${name}`;
      const entry = byKey.get(key) ?? { live: [], dead: [] };
      (context.isFileLive(file) ? entry.live : entry.dead).push(file.path);
      byKey.set(key, entry);
    }
  }
  return byKey;
}
