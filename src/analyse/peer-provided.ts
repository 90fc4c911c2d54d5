import path from 'node:path';
import type { DependencyProblem, ListedDependency } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import type { InstalledManifests } from './installed-package.js';
import { packagesLoadedByName } from './packages-loaded-by-name.js';

/** What a package may load that its own dependencies do not give it: found in its user's install. */
const FOREIGN_LISTS = ['peerDependencies', 'peerDependenciesMeta', 'optionalDependencies'] as const;

/**
 * knip's unused dependencies, less those another package the same workspace lists loads by
 * name: its peer dependencies (`@vercel/kv` beside `unstorage`, whose vercel-kv driver requires
 * it; a database driver beside an ORM), optional peers and optional dependencies (`sharp` for
 * `next`), and packages its own code requires by a literal name it does not depend on
 * (`@vue/consolidate` requires `pug`, which it names in its devDependencies). Nothing in the
 * project imports them; that package does.
 * (Whether that package is used is not asked here: knip's answer cannot say so for packages
 * orch-guard sees imported, and keeping the dependency is the safe side.)
 */
export function dropPeerProviders(root: string, problems: DependencyProblem[], listed: readonly ListedDependency[], manifests: InstalledManifests): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const loaderOf = new Map<string, PackageLoads>();
  const loads = (workspace: string, name: string): PackageLoads => {
    const key = `${workspace}\0${name}`;
    let found = loaderOf.get(key);
    if (found === undefined) {
      found = readLoads(manifests, path.join(root, workspace), name);
      loaderOf.set(key, found);
    }
    return found;
  };
  return problems.filter((problem) => !isUnusedDependency(problem) || !listed.some((other) => other.workspace === problem.workspace
    && other.name !== problem.name && loads(other.workspace, other.name)(problem.name)));
}

/** Whether the package loads another by name (from its user's install). */
type PackageLoads = (name: string) => boolean;

function readLoads(manifests: InstalledManifests, dir: string, name: string): PackageLoads {
  const installed = manifests.read(dir, name);
  if (installed === undefined) return () => false;
  const { manifest, text } = installed;
  const declared = new Set(FOREIGN_LISTS.flatMap((list) => keysOf(manifest[list])));
  const own = new Set(keysOf(manifest.dependencies));
  const byName = packagesLoadedByName(name, path.dirname(installed.file), text);
  return (other) => {
    if (declared.has(other)) return true;
    const loadedBy = byName(other);
    return loadedBy === 'project' || (loadedBy === 'package' && !own.has(other));
  };
}

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null ? Object.keys(value) : [];
}
