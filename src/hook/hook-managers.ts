import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tryGit } from '../git/git.js';

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
  const hooksDir = tryGit(root, ['rev-parse', '--git-path', 'hooks'])?.toString('utf8').trim() ?? '.git/hooks';
  return { kind: 'git', file: path.join(path.resolve(root, hooksDir), 'pre-commit') };
}
