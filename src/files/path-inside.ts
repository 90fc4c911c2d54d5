import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
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
  const real = landingPath(path.join(root, relative));
  return isInside(realRoot, real) ? undefined : real;
}

/** Symlinks followed before giving up (as the kernel's ELOOP). */
const MAX_LINKS = 40;

/**
 * Where writing `file` (absolute) really lands: its real path; for a path that does not exist
 * yet, its nearest existing folder's with the rest appended; and a dangling symlink is
 * followed to its target, which a write through it creates.
 */
export function landingPath(file: string, links = 0): string {
  try {
    return realpathSync(file);
  } catch (error) {
    // Not there (ENOTDIR: a file where a folder was): judged by what exists above it.
    if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  const parent = path.dirname(file);
  if (parent === file) return file;
  const realParent = landingPath(parent, links);
  const link = symlinkTarget(file);
  if (link === undefined) return path.join(realParent, path.basename(file));
  if (links >= MAX_LINKS) throw Object.assign(new Error(`ELOOP: too many symbolic links, ${file}`), { code: 'ELOOP' });
  return landingPath(path.resolve(realParent, link), links + 1);
}

function symlinkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
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
