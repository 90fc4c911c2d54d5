import path from 'node:path';
import { type IgnoreFile, isIgnored, readIgnoreFile } from './gitignore.js';

/**
 * Whether a path under `root` is git-ignored by the `.gitignore` files from the root down to
 * it (the same rules src/files applies outside git). Asked only of imports that name no file:
 * a git-ignored target is what a build or script generates, not a broken path.
 */
export function createIgnoreChecker(root: string): (absolute: string) => boolean {
  const byDir = new Map<string, IgnoreFile | undefined>();
  const ignoreFileOf = (dir: string) => {
    if (!byDir.has(dir)) byDir.set(dir, readIgnoreFile(dir));
    return byDir.get(dir);
  };
  return (absolute) => {
    const relative = path.relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const parts = relative.split(path.sep);
    const stack: IgnoreFile[] = [];
    let dir = root;
    for (const [index, part] of parts.entries()) {
      const ignoreFile = ignoreFileOf(dir);
      if (ignoreFile !== undefined) stack.push(ignoreFile);
      dir = path.join(dir, part);
      // An ignored folder ignores all below it.
      if (isIgnored(stack, dir, index < parts.length - 1)) return true;
    }
    return false;
  };
}
