import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dependsOn, type PackageJson } from '../../../manifests/package-json.js';

/** Where the Sly CLI looks for its config, from the folder it runs in (its cosmiconfig search places). */
const CONFIG_PLACES = ['', '.config', 'config', 'other'].flatMap((dir) => ['sly.json', 'sly/sly.json'].map((file) => path.posix.join(dir, file)));

/**
 * The Sly CLI's transformers (`libraries[].transformers` of its sly.json): modules it imports to
 * rewrite each component or icon it adds, named by path from the config's folder or the package's.
 * Only for a package that depends on @sly-cli/sly. Returns the config and absolute paths as
 * written (the caller probes them), or why the config could not be read.
 */
export function slyTransformerTargets(packageDir: string, pkg: PackageJson): { config: string; targets: string[]; error?: string } | undefined {
  if (!dependsOn(pkg, '@sly-cli/sly')) return undefined;
  const config = CONFIG_PLACES.find((place) => existsSync(path.join(packageDir, place)));
  if (config === undefined) return undefined;
  let libraries: unknown;
  try {
    libraries = (JSON.parse(readFileSync(path.join(packageDir, config), 'utf8')) as { libraries?: unknown }).libraries;
  } catch (error) {
    // Sly itself would refuse it; the transformers it meant to name are unknown.
    return { config, targets: [], error: error instanceof Error ? error.message : String(error) };
  }
  const configDir = path.dirname(path.join(packageDir, config));
  const transformers = (Array.isArray(libraries) ? libraries : []).flatMap((library: { transformers?: unknown }) => (Array.isArray(library?.transformers) ? library.transformers : []))
    .filter((transformer): transformer is string => typeof transformer === 'string');
  return { config, targets: transformers.flatMap((transformer) => [path.resolve(configDir, transformer), path.resolve(packageDir, transformer)]) };
}
