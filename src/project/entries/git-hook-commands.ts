import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Folders of committed git hook scripts: husky's, and the usual `core.hooksPath` folders. */
const HOOK_DIRS = ['.husky', '.githooks', '.git-hooks', '.hooks'];
const HOOK_NAME = /^(?:pre-commit|prepare-commit-msg|commit-msg|post-commit|pre-push|post-checkout|post-merge|pre-rebase|post-rewrite|pre-merge-commit)$/;

/**
 * The command lines of committed git hook scripts (`.husky/pre-commit` running
 * `node "./verify-dependencies.js"`), run from the repository root: a file a hook runs is live.
 * knip's husky plugin reads them, but not when a line of the script defeats its shell parser
 * (husky 8's `. "$(dirname "$0")/husky.sh"`), and it knows only `.husky/`.
 */
export function readGitHookCommands(root: string): Array<{ file: string; command: string }> {
  const found: Array<{ file: string; command: string }> = [];
  for (const dir of HOOK_DIRS) {
    let names: string[];
    try {
      names = readdirSync(path.join(root, dir));
    } catch {
      continue;
    }
    for (const name of names.filter((entry) => HOOK_NAME.test(entry))) {
      let text: string;
      try {
        text = readFileSync(path.join(root, dir, name), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split(/\r?\n/)) {
        const command = line.trim();
        // Comments, and sourcing husky's own helper (`. "$(dirname "$0")/_/husky.sh"`).
        if (command === '' || command.startsWith('#') || /^(?:\.|source)\s/.test(command)) continue;
        found.push({ file: `${dir}/${name}`, command });
      }
    }
  }
  return found;
}
