import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileLookup } from './file-lookup.js';

/**
 * The source of an Angular library entry point built by ng-packagr: `ng-package.json` in the
 * package (subpath `.`) or in the subpath's folder (secondary entry points such as `./client`)
 * names `lib.entryFile`, by default `src/public_api.ts`. Its output file names
 * (`dist/fesm2022/<name>.mjs`) say nothing about the source.
 */
export function ngPackageEntry(packageDir: string, subpath: string, lookup: FileLookup): string | undefined {
  const dir = path.join(packageDir, subpath === '.' ? '' : subpath.replace(/^\.\//, ''));
  let manifest: { lib?: { entryFile?: unknown } };
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'ng-package.json'), 'utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  const entryFile = typeof manifest.lib?.entryFile === 'string' ? manifest.lib.entryFile : undefined;
  for (const candidate of entryFile !== undefined ? [entryFile] : ['src/public_api.ts', 'src/public-api.ts']) {
    const absolute = path.join(dir, candidate);
    if (lookup.isProjectFile(absolute)) return absolute;
  }
  return undefined;
}
