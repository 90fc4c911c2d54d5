import { existsSync } from 'node:fs';
import path from 'node:path';
import { readPackageJson } from '../../manifests/package-json.js';
import type { WorkspacePackage } from '../../manifests/workspaces.js';

/**
 * Packages that are not workspaces but live in the repository with their own package.json:
 * an example app, a docs site, a test app (`app/` with its own vite.config.ts and index.html).
 * Their manifests, scripts and conventions name entries like any package's.
 */
export function findNestedPackages(root: string, files: readonly string[], known: readonly WorkspacePackage[]): WorkspacePackage[] {
  const knownDirs = new Set(known.map((workspace) => workspace.dir));
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.' && !dirs.has(dir); dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  const nested: WorkspacePackage[] = [];
  for (const dir of [...dirs].sort()) {
    const absolute = path.join(root, dir);
    if (knownDirs.has(absolute) || !existsSync(path.join(absolute, 'package.json'))) continue;
    const pkg = readPackageJson(absolute, root);
    if (pkg !== undefined) nested.push({ dir: absolute, name: pkg.name, pkg });
  }
  return nested;
}
