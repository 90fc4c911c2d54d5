import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export const STATE_DIR_NAME = '.orch-guard';

/** Creates `<root>/.orch-guard/` (with a .gitignore so it is never committed) and returns it. */
export function ensureStateDir(root: string): string {
  const dir = path.join(root, STATE_DIR_NAME);
  const existing = statSync(dir, { throwIfNoEntry: false });
  // A file of the user's by that name is never replaced (mkdir said EEXIST: an internal error).
  if (existing !== undefined && !existing.isDirectory()) {
    throw new UsageError(`${dir} is a file, not orch-guard's state folder; orch-guard will not replace it: move it away, and orch-guard creates its folder there`);
  }
  mkdirSync(dir, { recursive: true });
  const ignoreFile = path.join(dir, '.gitignore');
  if (!existsSync(ignoreFile)) writeFileSync(ignoreFile, '*\n');
  return dir;
}
