import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import { isBareSpecifier, packageNameOf } from '../manifests/package-json.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';

/**
 * The shareable browserslist configs a package names: `extends browserslist-config-x` in its
 * package.json `browserslist` (a list, or lists per environment) or in `.browserslistrc`.
 * Babel, Autoprefixer and the bundlers load them through browserslist; nothing imports them.
 */
function browserslistConfigs(workspace: WorkspacePackage): Set<string> {
  const { browserslist } = workspace.pkg as { browserslist?: unknown };
  const queries: string[] = [];
  if (typeof browserslist === 'string') queries.push(browserslist);
  else if (Array.isArray(browserslist)) queries.push(...browserslist.filter((query): query is string => typeof query === 'string'));
  else if (browserslist !== null && typeof browserslist === 'object') {
    for (const list of Object.values(browserslist)) if (Array.isArray(list)) queries.push(...list.filter((query): query is string => typeof query === 'string'));
  }
  try {
    queries.push(...readFileSync(path.join(workspace.dir, '.browserslistrc'), 'utf8').split('\n'));
  } catch {
    // no .browserslistrc: package.json's field is all there is
  }
  const names = new Set<string>();
  for (const query of queries.flatMap((line) => line.replace(/#.*/, '').split(','))) {
    const name = query.trim().match(/^extends\s+(\S+)$/i)?.[1];
    if (name !== undefined && isBareSpecifier(name)) names.add(packageNameOf(name));
  }
  return names;
}

/** knip's unused dependencies, less the browserslist configs their package extends. */
export function dropBrowserslistConfigs(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[]): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const byWorkspace = new Map(packages.map((workspace) => [path.relative(root, workspace.dir).split(path.sep).join('/'), workspace]));
  const configs = new Map<string, Set<string>>();
  const extendsConfig = (workspaceDir: string, name: string) => {
    const workspace = byWorkspace.get(workspaceDir);
    if (workspace === undefined) return false;
    if (!configs.has(workspaceDir)) configs.set(workspaceDir, browserslistConfigs(workspace));
    return configs.get(workspaceDir)?.has(name) === true;
  };
  return problems.filter((problem) => !isUnusedDependency(problem) || !extendsConfig(problem.workspace, problem.name));
}
