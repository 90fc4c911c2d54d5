import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `file` is `dir` or lies under it (absolute paths). */
export function isInside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * Where writing `relative` under `root` would really land, when that is outside the root (a
 * symlinked file or folder on the way); undefined when it stays inside. A path that does not
 * exist yet is judged by its nearest existing folder, which is where it would be created.
 */
export function realPathOutside(root: string, relative: string): string | undefined {
  const realRoot = realPathOf(path.resolve(root));
  let existing = path.join(root, relative);
  let rest = '';
  for (;;) {
    try {
      const real = path.join(realpathSync(existing), rest);
      return isInside(realRoot, real) ? undefined : real;
    } catch (error) {
      // Not there (ENOTDIR: a file where a folder was): judged by what exists above it.
      if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      rest = path.join(path.basename(existing), rest);
      const parent = path.dirname(existing);
      if (parent === existing) return undefined;
      existing = parent;
    }
  }
}

/** The real path of `dir`, or of its nearest existing folder with the rest appended. */
function realPathOf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(dir) === dir) throw error;
    return path.join(realPathOf(path.dirname(dir)), path.basename(dir));
  }
}
