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
  // Asked for many paths in the same folders (every extension a miss is probed with): what
  // applies inside a folder, and whether the folder itself is ignored, are worked out once.
  const stacks = new Map<string, IgnoreFile[]>();
  const stackIn = (dir: string): IgnoreFile[] => {
    let stack = stacks.get(dir);
    if (stack === undefined) {
      const above = dir === root ? [] : stackIn(path.dirname(dir));
      const own = ignoreFileOf(dir);
      stack = own === undefined ? above : [...above, own];
      stacks.set(dir, stack);
    }
    return stack;
  };
  const ignoredDirs = new Map<string, boolean>();
  const dirIgnored = (dir: string): boolean => {
    if (dir === root) return false;
    let ignored = ignoredDirs.get(dir);
    if (ignored === undefined) {
      const parent = path.dirname(dir);
      // An ignored folder ignores all below it.
      ignored = dirIgnored(parent) || isIgnored(stackIn(parent), dir, true);
      ignoredDirs.set(dir, ignored);
    }
    return ignored;
  };
  return (absolute) => {
    const relative = path.relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const parent = path.dirname(path.join(root, relative));
    return dirIgnored(parent) || isIgnored(stackIn(parent), path.join(root, relative), false);
  };
}
