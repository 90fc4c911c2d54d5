import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Project files that are symbolic links to other project files (`src/alias.ts -> real.ts`), by
 * root-relative path, with the file they stand for. Node and TypeScript load the target by its
 * real path, so the link is the same module, not a second one whose exports nothing imports.
 */
export function symlinkedProjectFiles(root: string, files: readonly string[]): Map<string, string> {
  const projectFiles = new Set(files);
  const links = new Map<string, string>();
  let realRoot: string | undefined;
  for (const file of files) {
    const absolute = path.join(root, file);
    try {
      if (!lstatSync(absolute).isSymbolicLink()) continue;
      realRoot ??= realpathSync(root);
      const target = toPosix(path.relative(realRoot, realpathSync(absolute)));
      if (target !== file && projectFiles.has(target)) links.set(file, target);
    } catch {
      // A dangling link or one that cannot be read stays a project file of its own.
    }
  }
  return links;
}

function toPosix(value: string): string {
  return path.sep === '/' ? value : value.split(path.sep).join('/');
}
