import path from 'node:path';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';

/**
 * Where an alias a framework defines in the tsconfig its build generates may point (Nuxt's
 * `~/`, `@/`, `~~/`, `@@/`, `#shared/`; `#imports` and other virtual modules point nowhere).
 * Only while that generated tsconfig does not exist yet (undefined otherwise): the conventional
 * folders are tried, and an alias that names none of them is unknown, not broken.
 */
export function frameworkAliasTargets(config: TsconfigFacts | undefined, specifier: string, nuxtDirWithoutTsconfig?: string): string[] | undefined {
  // A Nuxt package with no tsconfig at all (it is optional) has the same aliases.
  const projectDir = config?.missingGeneratedBase !== undefined ? path.dirname(config.configPath) : nuxtDirWithoutTsconfig;
  if (projectDir === undefined) return undefined;
  const [head, ...rest] = specifier.split('/');
  if (rest.length === 0) return [];
  const bases = head === '~' || head === '@' ? [path.join(projectDir, 'app'), path.join(projectDir, 'src'), projectDir]
    : head === '~~' || head === '@@' ? [projectDir]
      : [path.join(projectDir, head.slice(1)), path.join(projectDir, 'app', head.slice(1))];
  return bases.map((base) => path.join(base, ...rest));
}
