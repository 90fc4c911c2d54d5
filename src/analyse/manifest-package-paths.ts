import path from 'node:path';
import type { WorkspacePackage } from '../manifests/workspaces.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';

/** Fields that list packages rather than use them. */
const LISTING_FIELDS = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies', 'overrides', 'resolutions', 'pnpm', 'workspaces']);
const PACKAGE_PATH = /(?:^|[\s"'=:(])(?:\.{1,2}\/)*node_modules\/((?:@[^/\s"']+\/)?[^/\s"')]+)/g;

/**
 * Packages a workspace's package.json names by their installed path, outside the dependency
 * lists: commitizen's `"config": { "commitizen": { "path": "./node_modules/cz-conventional-changelog" } }`,
 * a tool option pointing into node_modules. The tool loads the package from there.
 */
function manifestPackagePaths(pkg: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(PACKAGE_PATH)) names.add(match[1]);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (value !== null && typeof value === 'object' && depth < 8) {
      for (const [key, item] of Object.entries(value)) if (depth > 0 || !LISTING_FIELDS.has(key)) visit(item, depth + 1);
    }
  };
  visit(pkg, 0);
  return names;
}

/** knip's unused dependencies, less the packages their package.json names by installed path. */
export function dropManifestPackagePaths(root: string, packages: readonly WorkspacePackage[], problems: DependencyProblem[]): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const named = new Map(packages.map((workspace) => [path.relative(root, workspace.dir).split(path.sep).join('/'), manifestPackagePaths(workspace.pkg)]));
  return problems.filter((problem) => !isUnusedDependency(problem) || !(named.get(problem.workspace)?.has(problem.name) ?? false));
}
