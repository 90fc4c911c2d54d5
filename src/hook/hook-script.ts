import { existsSync } from 'node:fs';
import path from 'node:path';
import { shellQuote } from '../process/shell-quote.js';

/**
 * The command the hook runs, from the repository's top directory: the project's own
 * orch-guard when it is installed there, else this installation's `binFile` (absolute paths, so
 * the hook works without orch-guard on PATH).
 */
export function preCommitCommand(workTree: string, root: string, binFile: string): string {
  const rootOption = path.relative(workTree, root);
  const rootArgument = rootOption === '' ? '' : ` --root ${shellQuote(rootOption)}`;
  if (existsSync(path.join(root, 'node_modules', '.bin', 'orch-guard'))) {
    return `npx --no-install orch-guard validate --staged${rootArgument}`;
  }
  return `${shellQuote(process.execPath)} ${shellQuote(binFile)} validate --staged${rootArgument}`;
}

export const BLOCK_START = '# >>> orch-guard pre-commit >>>';
export const BLOCK_END = '# <<< orch-guard pre-commit <<<';

/** Removes our marked block (and only it) from a text; undefined when there is none. */
export function withoutBlock(text: string): string | undefined {
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(0, lineStart) + text.slice(lineEnd === -1 ? text.length : lineEnd + 1);
}
