import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Small readers of loaded config values: configs are untyped data, checked at each step. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function valueAt(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

const CODE_EXTENSIONS = ['', '.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.vue', '.json'];

/** The file an extensionless or exact path names (a directory's index too), if one exists. */
export function existingFile(absolute: string): string | undefined {
  for (const candidate of [...CODE_EXTENSIONS.map((extension) => absolute + extension), ...CODE_EXTENSIONS.slice(1).map((extension) => path.join(absolute, `index${extension}`))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The package a path inside node_modules belongs to (`/x/node_modules/@a/b/c.js` → `@a/b`). */
export function packageOfInstalledPath(absolute: string): string | undefined {
  const parts = absolute.split(/[\\/]/);
  const index = parts.lastIndexOf('node_modules');
  if (index === -1 || index + 1 >= parts.length) return undefined;
  const first = parts[index + 1];
  return first.startsWith('@') && index + 2 < parts.length ? `${first}/${parts[index + 2]}` : first;
}

/** The directory of the nearest package.json above a file (the file system root when none). */
export function packageDirOf(file: string): string {
  let dir = path.dirname(file);
  while (path.dirname(dir) !== dir && !existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** Every file below `dir` (node_modules aside) whose path relative to `dir` passes `keep`; none when `dir` does not exist. */
export function filesBelow(dir: string, keep: (relative: string) => boolean = () => true): string[] {
  let entries: Array<{ name: string; parentPath?: string; path?: string; isFile(): boolean }>;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path ?? dir, entry.name))
    .filter((file) => {
      const relative = path.relative(dir, file);
      return !relative.split(path.sep).includes('node_modules') && keep(relative);
    });
}

/** A config file's text, or undefined when there is no such file (the tool's defaults apply). */
export function readTextIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Absent (or unreadable, which the tool itself would report): nothing it names is known.
    return undefined;
  }
}
