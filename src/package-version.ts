import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

/**
 * This orch-guard's version, from its package.json whether the module runs from src/ or from
 * dist/src/. Read once, on first use (the CLI's first use is inside main's error handling).
 */
export function packageVersion(): string {
  version ??= readOwnVersion();
  return version;
}

function readOwnVersion(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'orch-guard' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No readable package.json here: keep looking in the parent directory.
    }
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('orch-guard package.json not found');
    directory = parent;
  }
}
