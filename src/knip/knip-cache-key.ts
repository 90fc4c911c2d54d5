import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Bump when the adapter's answer changes shape or meaning: old cached answers are then ignored. */
const ADAPTER_VERSION = 13;

/**
 * What decides which files knip's globs can match: the project files, and the names beside each
 * package.json and in `.github/workflows` (a new `jest.config.json` or workflow enables a plugin).
 */
export function fileListHash(root: string, files: readonly string[], packageDirs: readonly string[]): string {
  const hash = createHash('sha1').update(`${ADAPTER_VERSION}\0${knipVersion()}\0`);
  for (const file of files) hash.update(`${file}\0`);
  for (const dir of [...packageDirs, path.join(root, '.github', 'workflows')]) {
    hash.update(`\n${dir}:`);
    for (const name of listNames(dir)) hash.update(`${name}\0`);
  }
  return hash.digest('hex');
}

/** Content hashes of root-relative files; a missing file hashes to ''. */
export function contentHashes(root: string, files: readonly string[]): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of files) hashes[file] = contentHash(path.join(root, file));
  return hashes;
}

export function hashesUnchanged(root: string, hashes: Readonly<Record<string, string>>): boolean {
  return Object.entries(hashes).every(([file, hash]) => contentHash(path.join(root, file)) === hash);
}

function contentHash(file: string): string {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return '';
  }
}

function listNames(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

let version: string | undefined;
function knipVersion(): string {
  if (version === undefined) {
    try {
      const manifest = path.join(path.dirname(createRequire(import.meta.url).resolve('knip')), '..', 'package.json');
      version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
