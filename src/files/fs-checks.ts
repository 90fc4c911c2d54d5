import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export function isFile(candidate: string): boolean {
  return statSync(candidate, { throwIfNoEntry: false })?.isFile() ?? false;
}

export function isDirectory(candidate: string): boolean {
  return statSync(candidate, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * The first folder of `files` (paths under `root`) that cannot be written, with why: a file
 * is written by renaming a new one into its folder, and deleted from it. A folder that does
 * not exist is judged when it is created.
 */
export function unwritableFolder(root: string, files: readonly string[]): { dir: string; why: string } | undefined {
  for (const dir of new Set(files.map((file) => path.dirname(path.join(root, file))))) {
    try {
      accessSync(dir, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      const why = code === 'EROFS' ? 'it is on a read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'no permission to write it' : (error as Error).message;
      return { dir: `${path.relative(root, dir) || '.'}/`, why };
    }
  }
  return undefined;
}
