import { UsageError } from '../errors.js';
import { unwritableFolder } from '../files/fs-checks.js';
import { realPathOutside } from '../files/path-inside.js';
import { git, tryGit } from '../git/git.js';

export interface WriteSafetyOptions {
  allowDirty: boolean;
  noGit: boolean;
}

/**
 * Refuses, before anything is written, to touch files outside the root (symlinks included),
 * under node_modules, untracked by git or with uncommitted changes (unless --allow-dirty), or
 * any file outside a git repository unless --no-git says so.
 */
export function checkWritable(root: string, files: readonly string[], options: WriteSafetyOptions): void {
  for (const file of files) {
    if (file.split('/').includes('node_modules')) throw new UsageError(`cleanup --fix: refuses to edit ${file}: it is under node_modules`);
    const outside = realPathOutside(root, file);
    if (outside !== undefined) throw new UsageError(`cleanup --fix: refuses to edit ${file}: it leads outside the root (${outside})`);
  }
  const unwritable = unwritableFolder(root, files);
  if (unwritable !== undefined) throw new UsageError(`cleanup --fix: cannot write ${unwritable.dir} (${unwritable.why}); no file was changed`);
  const inGit = tryGit(root, ['rev-parse', '--is-inside-work-tree'])?.toString('utf8').trim() === 'true';
  if (!inGit) {
    if (!options.noGit) throw new UsageError(`cleanup --fix: ${root} is not in a git repository; pass --no-git to edit anyway (every change is recorded for --undo)`);
    return;
  }
  if (options.allowDirty || files.length === 0) return;
  const tracked = new Set(git(root, ['ls-files', '-z', '--', ...files], 'cleanup --fix').toString('utf8').split('\0').filter(Boolean));
  const untracked = files.filter((file) => !tracked.has(file));
  if (untracked.length > 0) {
    throw new UsageError(`cleanup --fix: ${listed(untracked, 'is', 'are')} not tracked by git; commit or add ${untracked.length === 1 ? 'it' : 'them'} first, or pass --allow-dirty`);
  }
  const dirty = git(root, ['status', '--porcelain', '-z', '--', ...files], 'cleanup --fix').toString('utf8')
    .split('\0').filter((entry) => entry.length > 3).map((entry) => entry.slice(3));
  if (dirty.length > 0) {
    throw new UsageError(`cleanup --fix: ${listed(dirty, 'has', 'have')} uncommitted changes; commit or stash them first, or pass --allow-dirty`);
  }
}

/** `a.ts has`, `a.ts, b.ts have`, at most five names. */
function listed(files: readonly string[], singular: string, plural: string): string {
  const shown = files.slice(0, 5).join(', ');
  return files.length === 1 ? `${shown} ${singular}` : `${shown}${files.length > 5 ? ` and ${files.length - 5} more` : ''} ${plural}`;
}
