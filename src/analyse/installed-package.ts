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

/** An installed package's package.json: its path, text and parsed content. */
export interface InstalledManifest {
  file: string;
  text: string;
  manifest: Record<string, unknown>;
}

/** The installed manifests one analysis reads, each read once; and those that could not be read. */
export interface InstalledManifests {
  /**
   * The package.json of a package as Node finds it from `dir` (its node_modules, then those
   * above, up to the root); undefined when it is not installed or cannot be read.
   */
  read(dir: string, name: string): InstalledManifest | undefined;
  /** Installed manifests that exist but could not be read or parsed, with why, and the folder each was looked up from. */
  unreadable(): ReadonlyArray<{ file: string; message: string; fromDir: string }>;
}

/**
 * The installed manifests of one analysis under `root`: several explainers of dependency
 * problems read the same packages' manifests (a package's `bin`, its peers, its `types`).
 */
export function installedManifests(root: string): InstalledManifests {
  const byLookup = new Map<string, InstalledManifest | undefined>();
  const failures = new Map<string, { file: string; message: string; fromDir: string }>();
  return {
    read(dir, name) {
      const key = `${dir}\0${name}`;
      if (byLookup.has(key)) return byLookup.get(key);
      const file = findUp(root, dir, path.join('node_modules', name, 'package.json'));
      let found: InstalledManifest | undefined;
      if (file !== undefined) {
        try {
          const text = readFileSync(file, 'utf8');
          found = { file, text, manifest: JSON.parse(text) as Record<string, unknown> };
        } catch (error) {
          // What the package provides (binaries, peers, types) is unknown: said once, by the caller.
          failures.set(file, { file, message: error instanceof Error ? error.message : String(error), fromDir: dir });
        }
      }
      byLookup.set(key, found);
      return found;
    },
    unreadable: () => [...failures.values()],
  };
}
