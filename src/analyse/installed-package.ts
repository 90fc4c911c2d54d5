import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `relative` in `dir` or the nearest directory above it, up to the root (absolute); undefined when none has it. */
export function findUp(root: string, dir: string, relative: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, relative);
    if (existsSync(candidate)) return candidate;
    if (current === root || path.dirname(current) === current || !current.startsWith(root)) return undefined;
  }
}

/**
 * The package.json of a package as Node finds it from `dir` (its node_modules, then those above,
 * up to the root): its text and parsed content; undefined when it is not installed or unreadable.
 */
export function readInstalledManifest(root: string, dir: string, name: string): { file: string; text: string; manifest: Record<string, unknown> } | undefined {
  const file = findUp(root, dir, path.join('node_modules', name, 'package.json'));
  if (file === undefined) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    return { file, text, manifest: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}
