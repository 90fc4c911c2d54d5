import { existsSync } from 'node:fs';
import path from 'node:path';
import { shellQuote } from '../process/shell-quote.js';

/**
 * The command the hook runs, from the repository's top directory. A hook file others share
 * (husky, lefthook, simple-git-hooks, a committed hooks folder) never holds a path of this
 * machine: it runs the project's own orch-guard through its package manager. Only a hook in
 * `.git/` (this clone's alone) may fall back to this installation's `binFile` (absolute paths,
 * so the hook works without orch-guard on PATH).
 */
export function preCommitCommand(workTree: string, root: string, binFile: string, shared: boolean): { command: string; installed: boolean } {
  const rootOption = path.relative(workTree, root);
  const rootArgument = rootOption === '' ? '' : ` --root ${shellQuote(rootOption)}`;
  const installed = [root, workTree].some((dir) => existsSync(path.join(dir, 'node_modules', '.bin', 'orch-guard')));
  if (installed || shared) return { command: `${packageRunner(root, workTree)} orch-guard validate --staged${rootArgument}`, installed };
  return { command: `${shellQuote(process.execPath)} ${shellQuote(binFile)} validate --staged${rootArgument}`, installed };
}

/** How the project runs its own binaries, from its lockfile: pnpm, yarn, else npm. */
function packageRunner(root: string, workTree: string): string {
  const has = (file: string) => [root, workTree].some((dir) => existsSync(path.join(dir, file)));
  if (has('pnpm-lock.yaml')) return 'pnpm exec';
  if (has('yarn.lock')) return 'yarn';
  return 'npx --no-install';
}
