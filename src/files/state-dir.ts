import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STATE_DIR_NAME = '.orch-guard';

/** Creates `<root>/.orch-guard/` (with a .gitignore so it is never committed) and returns it. */
export function ensureStateDir(root: string): string {
  const dir = path.join(root, STATE_DIR_NAME);
  mkdirSync(dir, { recursive: true });
  const ignoreFile = path.join(dir, '.gitignore');
  if (!existsSync(ignoreFile)) writeFileSync(ignoreFile, '*\n');
  return dir;
}
