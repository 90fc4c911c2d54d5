import path from 'node:path';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';

/**
 * Where an alias a framework defines in the tsconfig its build generates may point (Nuxt's
 * `~/`, `@/`, `~~/`, `@@/`, `#shared/`; `#imports` and other virtual modules point nowhere).
 * Asked when the tsconfig's own paths found nothing: the conventional folders are tried, and an
 * alias that names none of them is unknown (generated or virtual), not broken.
 */
export function frameworkAliasTargets(config: TsconfigFacts | undefined, specifier: string, nuxtPackageDir?: string): string[] | undefined {
  // A Nuxt package has them too when it has no tsconfig (it is optional) or when the one Nuxt
  // generated is older than the module (`#imports`, `#app` missing from its paths): this is
  // asked only after the tsconfig's own paths found nothing.
  const projectDir = config?.missingGeneratedBase !== undefined ? path.dirname(config.configPath) : nuxtPackageDir;
  if (projectDir === undefined) return undefined;
  const [head, ...rest] = specifier.split('/');
  if (rest.length === 0) return [];
  const bases = head === '~' || head === '@' ? [path.join(projectDir, 'app'), path.join(projectDir, 'src'), projectDir]
    : head === '~~' || head === '@@' ? [projectDir]
      : [path.join(projectDir, head.slice(1)), path.join(projectDir, 'app', head.slice(1))];
  return bases.map((base) => path.join(base, ...rest));
}
