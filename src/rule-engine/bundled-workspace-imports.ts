import type { AnalysisContext } from './analysis-context.js';
import type { GraphFile } from '../graph/symbol-graph.js';
import { isBareSpecifier, packageNameOf } from '../manifests/package-json.js';
import { workspaceOfFile } from './package-importers.js';

/**
 * Packages that a workspace package needs because its build inlines code of sibling workspace
 * packages: a live file of workspace W importing a sibling's source (by name or by path) puts
 * that source in W's bundle, unless W lists the sibling in `dependencies` (then it stays an
 * external package with its own dependencies). The packages such inlined code imports must be
 * installed with W, so W listing them is not an unused dependency. Keyed `workspace\0package`,
 * valued by the sibling files that import the package.
 */
export function bundledPackageUsers(context: AnalysisContext, workspaces: readonly string[]): Map<string, string[]> {
  const workspaceOf = workspaceOfFile(workspaces);
  const runtimeDependencies = new Map<string, Set<string>>();
  for (const listed of context.listedDependencies) {
    if (listed.list !== 'dependencies') continue;
    const names = runtimeDependencies.get(listed.workspace) ?? new Set<string>();
    names.add(listed.name);
    runtimeDependencies.set(listed.workspace, names);
  }
  const users = new Map<string, string[]>();
  for (const workspace of workspaces) {
    const external = runtimeDependencies.get(workspace) ?? new Set<string>();
    for (const file of inlinedSiblingFiles(context, workspace, workspaceOf, external)) {
      for (const resolution of file.resolutions) {
        if (resolution.kind !== 'external') continue;
        const key = `${workspace}\0${resolution.packageName}`;
        const list = users.get(key) ?? [];
        if (!list.includes(file.path)) list.push(file.path);
        users.set(key, list);
      }
    }
  }
  return users;
}

/** Files outside the workspace that its live files reach through imports a bundler would inline. */
function inlinedSiblingFiles(context: AnalysisContext, workspace: string, workspaceOf: (path: string) => string, external: ReadonlySet<string>): GraphFile[] {
  const seen = new Set<string>();
  const queue = context.files.filter((file) => workspaceOf(file.path) === workspace && context.isFileLive(file));
  for (const file of queue) seen.add(file.path);
  const siblings: GraphFile[] = [];
  while (queue.length > 0) {
    const file = queue.pop()!;
    file.facts.imports.forEach((fact, index) => {
      const resolution = file.resolutions[index];
      const targets = resolution?.kind === 'file' ? [resolution.path] : resolution?.kind === 'files' ? resolution.paths : [];
      for (const target of targets) {
        if (seen.has(target)) continue;
        const leavesWorkspace = workspaceOf(target) !== workspaceOf(file.path);
        if (leavesWorkspace && isBareSpecifier(fact.specifier) && external.has(packageNameOf(fact.specifier))) continue;
        const next = context.fileByPath(target);
        if (next === undefined) continue;
        seen.add(target);
        queue.push(next);
        if (workspaceOf(target) !== workspace) siblings.push(next);
      }
    });
  }
  return siblings;
}
