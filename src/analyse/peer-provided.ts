import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DependencyProblem, ListedDependency } from '../rule-engine/analysis-context.js';

/**
 * knip's unused dependencies, less those that provide a peer dependency of another package the
 * same workspace lists: `@vercel/kv` beside `unstorage` (its vercel-kv driver requires it at run
 * time), a database driver beside an ORM. Nothing imports them; the package that declares them
 * as peers loads them. (Whether that package is used is not asked here: knip's answer cannot say
 * so for packages orch-guard sees imported, and keeping the peer is the safe side.)
 */
export function dropPeerProviders(root: string, problems: DependencyProblem[], listed: readonly ListedDependency[]): DependencyProblem[] {
  const unused = (problem: DependencyProblem) => problem.type === 'unused-dependency' || problem.type === 'unused-dev-dependency';
  if (!problems.some(unused)) return problems;
  const peersOf = new Map<string, string[]>();
  const peers = (workspace: string, name: string): string[] => {
    const key = `${workspace}\0${name}`;
    let found = peersOf.get(key);
    if (found === undefined) {
      found = Object.keys(installedManifest(root, workspace, name)?.peerDependencies ?? {});
      peersOf.set(key, found);
    }
    return found;
  };
  return problems.filter((problem) => !unused(problem) || !listed.some((other) => other.workspace === problem.workspace
    && other.name !== problem.name && peers(other.workspace, other.name).includes(problem.name)));
}

/** The installed package.json of a package, looked up from the workspace to the root. */
function installedManifest(root: string, workspace: string, name: string): { peerDependencies?: Record<string, string> } | undefined {
  for (let dir = path.join(root, workspace); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      try {
        return JSON.parse(readFileSync(manifest, 'utf8')) as { peerDependencies?: Record<string, string> };
      } catch {
        return undefined;
      }
    }
    if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) return undefined;
  }
}
