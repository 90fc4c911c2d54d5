import { existsSync } from 'node:fs';
import path from 'node:path';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

const LOCKFILES: Array<[string, PackageManager]> = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** The project's package manager, from its lockfile at the root; undefined when there is none. */
export function detectPackageManager(root: string): { manager: PackageManager; lockfile: string } | undefined {
  for (const [lockfile, manager] of LOCKFILES) if (existsSync(path.join(root, lockfile))) return { manager, lockfile };
  return undefined;
}

/**
 * The command that removes packages from one workspace (root-relative dir, '' for the root),
 * run in the root: the manager updates package.json, the lockfile and node_modules together.
 */
export function removeCommand(manager: PackageManager, workspace: string, names: readonly string[]): { command: string; args: string[]; cwd: string } {
  switch (manager) {
    case 'npm': return { command: 'npm', args: ['uninstall', '--no-audit', '--no-fund', '--ignore-scripts', ...(workspace === '' ? [] : ['--workspace', workspace]), ...names], cwd: '' };
    case 'pnpm': return { command: 'pnpm', args: ['remove', ...names], cwd: workspace };
    case 'yarn': return { command: 'yarn', args: ['remove', ...names], cwd: workspace };
    case 'bun': return { command: 'bun', args: ['remove', ...names], cwd: workspace };
  }
}
