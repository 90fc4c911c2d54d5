import path from 'node:path';

/** Whether `file` is `dir` or lies under it (absolute paths). */
export function isInside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}
