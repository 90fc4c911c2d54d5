import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globToRegExp } from '../files/glob.js';
import { type PackageJson, readPackageJson } from './package-json.js';

export interface WorkspacePackage {
  /** Absolute directory holding the package.json. */
  dir: string;
  name: string | undefined;
  pkg: PackageJson;
}

/**
 * The root package and the workspace packages it declares (npm/yarn `workspaces`, or
 * `pnpm-workspace.yaml`). Each package's name resolves to its source, and each package's
 * entry points are entries of the analysis.
 */
export function findWorkspacePackages(root: string): WorkspacePackage[] {
  const rootPkg = readPackageJson(root);
  const packages: WorkspacePackage[] = [];
  if (rootPkg !== undefined) packages.push({ dir: root, name: rootPkg.name, pkg: rootPkg });
  const patterns = workspacePatterns(root, rootPkg);
  if (patterns.length === 0) return packages;
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => globToRegExp(trimSlashes(pattern)));
  // `!**/dist/**` leaves out the dist folder itself, as the package managers' globs do.
  const exclude = patterns.filter((pattern) => pattern.startsWith('!'))
    .flatMap((pattern) => [trimSlashes(pattern.slice(1)), trimSlashes(pattern.slice(1)).replace(/\/\*\*$/, '')])
    .map((pattern) => globToRegExp(pattern));
  const maxDepth = Math.max(...patterns.map((pattern) => (pattern.includes('**') ? 4 : pattern.split('/').length)));
  // Dot folders are skipped unless a pattern names one (`packages/.internal/*`).
  const includeDotFolders = patterns.some((pattern) => /(?:^|\/)\.[^./]/.test(pattern.replace(/^!/, '')));
  for (const relativeDir of listDirectories(root, maxDepth, includeDotFolders)) {
    if (!include.some((regex) => regex.test(relativeDir)) || exclude.some((regex) => regex.test(relativeDir))) continue;
    const dir = path.join(root, relativeDir);
    const pkg = readPackageJson(dir, root);
    if (pkg !== undefined) packages.push({ dir, name: pkg.name, pkg });
  }
  return packages;
}

function workspacePatterns(root: string, rootPkg: PackageJson | undefined): string[] {
  const declared = rootPkg?.workspaces;
  if (Array.isArray(declared)) return declared.filter((entry): entry is string => typeof entry === 'string');
  if (declared !== null && typeof declared === 'object' && Array.isArray((declared as { packages?: unknown }).packages)) {
    return ((declared as { packages: unknown[] }).packages).filter((entry): entry is string => typeof entry === 'string');
  }
  try {
    const yaml = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
    const section = /^packages:\s*\n((?:[ \t]+-.*\n?|[ \t]*#.*\n?|[ \t]*\n)*)/m.exec(yaml)?.[1] ?? '';
    return [...section.matchAll(/^[ \t]+-[ \t]*['"]?([^'"\n#]+?)['"]?[ \t]*(?:#.*)?$/gm)].map((match) => match[1]);
  } catch {
    return [];
  }
}

function listDirectories(root: string, maxDepth: number, includeDotFolders: boolean): string[] {
  const found: string[] = [];
  const visit = (relative: string, depth: number) => {
    if (depth > maxDepth) return;
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '.git' || (entry.name.startsWith('.') && !includeDotFolders)) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      found.push(child);
      visit(child, depth + 1);
    }
  };
  visit('', 1);
  return found;
}

function trimSlashes(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}
