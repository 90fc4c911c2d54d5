import type { AnalysisContext } from './analysis-context.js';
import { isBareSpecifier, packageNameOf } from '../manifests/package-json.js';

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
  const workspaceOf = workspaceOfFile(workspaces);
  const listed = new Set(context.listedDependencies.map((dependency) => `${dependency.workspace}\0${dependency.name}`));
  const byKey = new Map<string, PackageImporters>();
  for (const file of context.files) {
    const workspace = workspaceOf(file.path);
    const names = new Set(file.resolutions.flatMap((resolution, index) => {
      if (resolution.kind === 'external') return [resolution.packageName];
      // A workspace package imported by name resolves to its source (or its build output):
      // still a use of the package.
      const specifier = file.facts.imports[index]?.specifier ?? '';
      return resolution.kind !== 'builtin' && resolution.kind !== 'unresolved' && isBareSpecifier(specifier) ? [packageNameOf(specifier)] : [];
    }));
    for (const name of names) {
      const key = `${listingWorkspace(workspace, name, workspaces, listed)}\0${name}`;
      const entry = byKey.get(key) ?? { live: [], dead: [] };
      (context.isFileLive(file) ? entry.live : entry.dead).push(file.path);
      byKey.set(key, entry);
    }
  }
  return byKey;
}

/**
 * The workspace (root-relative directory, '' for the root) a project file belongs to: the
 * deepest one that contains it. Remembered per path, as rules ask again for the same files.
 */
export function workspaceOfFile(workspaces: readonly string[]): (file: string) => string {
  const deepestFirst = [...workspaces].sort((a, b) => b.length - a.length);
  const known = new Map<string, string>();
  return (file) => {
    let workspace = known.get(file);
    if (workspace === undefined) {
      workspace = deepestFirst.find((dir) => dir === '' || file.startsWith(`${dir}/`)) ?? '';
      known.set(file, workspace);
    }
    return workspace;
  };
}

/**
 * The workspace whose listing an import uses: the file's own, or, when that one does not list
 * the package, the nearest enclosing workspace that does (a monorepo root listing the test and
 * build tools its packages' files import: npm, yarn and pnpm's hoisting install it above them).
 */
function listingWorkspace(workspace: string, name: string, workspaces: readonly string[], listed: ReadonlySet<string>): string {
  if (listed.has(`${workspace}\0${name}`)) return workspace;
  const enclosing = workspaces
    .filter((dir) => dir !== workspace && (dir === '' || workspace.startsWith(`${dir}/`)))
    .sort((a, b) => b.length - a.length)
    .find((dir) => listed.has(`${dir}\0${name}`));
  return enclosing ?? workspace;
}
