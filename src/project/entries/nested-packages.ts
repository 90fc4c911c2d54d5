import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../errors.js';
import { readPackageJson } from '../../manifests/package-json.js';
import type { WorkspacePackage } from '../../manifests/workspaces.js';
import type { EntryGap } from './entry-gap.js';

/**
 * Packages that are not workspaces but live in the repository with their own package.json:
 * an example app, a docs site, a test app (`app/` with its own vite.config.ts and index.html).
 * Their manifests, scripts and conventions name entries like any package's.
 */
export function findNestedPackages(root: string, files: readonly string[], known: readonly WorkspacePackage[], notices: string[], gaps: EntryGap[]): WorkspacePackage[] {
  const knownDirs = new Set(known.map((workspace) => workspace.dir));
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.' && !dirs.has(dir); dir = path.posix.dirname(dir)) dirs.add(dir);
  }
  const nested: WorkspacePackage[] = [];
  for (const dir of [...dirs].sort()) {
    const absolute = path.join(root, dir);
    if (knownDirs.has(absolute) || !existsSync(path.join(absolute, 'package.json'))) continue;
    const pkg = readNestedManifest(absolute, root, dir, notices, gaps);
    if (pkg !== undefined) nested.push({ dir: absolute, name: pkg.name, pkg });
  }
  return nested;
}

/**
 * A nested package.json that is not valid JSON is no workspace any tool reads (a test fixture
 * of a manifest parser, an empty placeholder): it does not stop the analysis of the rest, as a
 * workspace's would. Its folder is still told apart as a package (no entries known), and its
 * findings are low confidence, since its files may be what that manifest would have named.
 */
function readNestedManifest(absolute: string, root: string, dir: string, notices: string[], gaps: EntryGap[]): WorkspacePackage['pkg'] | undefined {
  try {
    return readPackageJson(absolute, root);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    notices.push(`${error.message.replace(/; its entry points cannot be known, so nothing was analysed$/, '')}: not a workspace, read as a package with no entries; findings in ${dir} are low confidence`);
    gaps.push({ kind: 'unreadable-config', packageDir: dir, entry: `${dir}/package.json`, fix: `valid JSON in ${dir}/package.json` });
    return {};
  }
}
