import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { dependsOn, type PackageJson } from '../../../manifests/package-json.js';

const SCANNED = /\.(?:[cm]?[jt]sx?|vue|svelte)$/;
const MAX_FILE_BYTES = 256 * 1024;
/**
 * Every run reads these files (the index cache does not hold strings): a larger app is not read,
 * and what it serves by URL stays unknown, as before this reader.
 */
const MAX_SCANNED_FILES = 500;
/** A root-absolute path in a string or after `${location.origin}`: `'/src/x'`, `` `${origin}/src/x` ``. */
const SERVED_PATH = /(?:['"`]|\})(\/src\/[\w@.-]+(?:\/[\w@.-]+)*)(?=['"`?#])/g;

/**
 * Files a Vite app's code names by URL (`` `${location.origin}/src/vue-dev-proxy` `` handed to an
 * iframe's import map): the dev server serves every file of the app's root at its root-absolute
 * path, so such a file runs with nothing importing it. Only for a package that depends on vite
 * and has an HTML page loading its scripts (an app, whose root is its folder); only `/src/...`
 * paths, which name source. Returns absolute paths as written (the caller probes them).
 */
export function viteServedUrlTargets(packageDir: string, pkg: PackageJson, hasScriptPage: boolean, packageFiles: readonly string[]): Array<{ file: string; target: string }> {
  if (!hasScriptPage || !dependsOn(pkg, 'vite')) return [];
  const scanned = packageFiles.filter((file) => SCANNED.test(file));
  if (scanned.length > MAX_SCANNED_FILES) return [];
  const targets: Array<{ file: string; target: string }> = [];
  for (const file of scanned) {
    const absolute = path.join(packageDir, file);
    let text: string;
    try {
      if (statSync(absolute).size > MAX_FILE_BYTES) continue;
      text = readFileSync(absolute, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('/src/')) continue;
    for (const match of text.matchAll(SERVED_PATH)) targets.push({ file, target: path.join(packageDir, match[1]) });
  }
  return targets;
}
