import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { git, tryGit } from '../git/git.js';

export type HookManager =
  | { kind: 'husky'; file: string }
  | { kind: 'lefthook'; file: string }
  | { kind: 'simple-git-hooks'; file: string }
  | { kind: 'git'; file: string };

const LEFTHOOK_FILES = ['lefthook.yml', 'lefthook.yaml', '.lefthook.yml', '.lefthook.yaml'];

/**
 * Which hook mechanism the project uses: husky (a .husky folder), lefthook (its config file),
 * simple-git-hooks (package.json key or .simple-git-hooks.json), else git's own hooks
 * folder (honouring core.hooksPath).
 */
export function detectHookManager(workTree: string, root: string): HookManager {
  for (const dir of new Set([root, workTree])) {
    if (existsSync(path.join(dir, '.husky'))) return { kind: 'husky', file: path.join(dir, '.husky', 'pre-commit') };
    const lefthook = LEFTHOOK_FILES.map((name) => path.join(dir, name)).find((file) => existsSync(file));
    if (lefthook !== undefined) return { kind: 'lefthook', file: lefthook };
    if (existsSync(path.join(dir, '.simple-git-hooks.json'))) return { kind: 'simple-git-hooks', file: path.join(dir, '.simple-git-hooks.json') };
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && /"simple-git-hooks"\s*:\s*\{/.test(readFileSync(manifest, 'utf8'))) return { kind: 'simple-git-hooks', file: manifest };
  }
  const hooksDir = git(root, ['rev-parse', '--git-path', 'hooks'], 'hook').toString('utf8').trim();
  return { kind: 'git', file: path.join(path.resolve(root, hooksDir), 'pre-commit') };
}

/**
 * Whether others share the hook file (it is committed): every manager's file is, and so is a
 * git hooks folder outside `.git/` (core.hooksPath pointing into the work tree).
 */
export function isSharedHookFile(manager: HookManager, root: string): boolean {
  if (manager.kind !== 'git') return true;
  const gitDir = realpathSync(path.resolve(root, git(root, ['rev-parse', '--git-common-dir'], 'hook').toString('utf8').trim()));
  // A hook symlinked to a script in the work tree is that (committed) script.
  const file = realOrSelf(manager.file) ?? path.join(realOrSelf(path.dirname(manager.file)) ?? path.dirname(manager.file), path.basename(manager.file));
  return !file.startsWith(`${gitDir}${path.sep}`);
}

/** Husky's hooks run only when core.hooksPath points at `.husky/_` (v9) or `.husky` (v4–8). */
export function huskyWarning(manager: HookManager, workTree: string): string | undefined {
  if (manager.kind !== 'husky') return undefined;
  const huskyDir = path.dirname(manager.file);
  const configured = tryGit(workTree, ['config', '--get', 'core.hooksPath'])?.toString('utf8').trim();
  const resolved = configured === undefined || configured === '' ? undefined : path.resolve(workTree, configured).replace(/\/+$/, '');
  if (resolved === huskyDir || resolved === path.join(huskyDir, '_')) return undefined;
  return `${path.relative(workTree, huskyDir) || huskyDir}/ exists but git's core.hooksPath is ${configured === undefined || configured === '' ? 'not set' : `\`${configured}\``}, so git does not run .husky/pre-commit: run \`npx husky\` (husky 9) or \`npx husky install\` (husky 4–8) to point it there`;
}

function realOrSelf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}
