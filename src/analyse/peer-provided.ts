import path from 'node:path';
import type { DependencyProblem, ListedDependency } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';
import { readInstalledManifest } from './installed-package.js';

/**
 * knip's unused dependencies, less those that provide a peer dependency of another package the
 * same workspace lists: `@vercel/kv` beside `unstorage` (its vercel-kv driver requires it at run
 * time), a database driver beside an ORM. Nothing imports them; the package that declares them
 * as peers loads them. (Whether that package is used is not asked here: knip's answer cannot say
 * so for packages orch-guard sees imported, and keeping the peer is the safe side.)
 */
export function dropPeerProviders(root: string, problems: DependencyProblem[], listed: readonly ListedDependency[]): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const peersOf = new Map<string, string[]>();
  const peers = (workspace: string, name: string): string[] => {
    const key = `${workspace}\0${name}`;
    let found = peersOf.get(key);
    if (found === undefined) {
      const peerDependencies = readInstalledManifest(root, path.join(root, workspace), name)?.manifest.peerDependencies;
      found = typeof peerDependencies === 'object' && peerDependencies !== null ? Object.keys(peerDependencies) : [];
      peersOf.set(key, found);
    }
    return found;
  };
  return problems.filter((problem) => !isUnusedDependency(problem) || !listed.some((other) => other.workspace === problem.workspace
    && other.name !== problem.name && peers(other.workspace, other.name).includes(problem.name)));
}
