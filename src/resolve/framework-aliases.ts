import path from 'node:path';
import type { TsconfigFacts } from '../manifests/read-tsconfig.js';

/**
 * Where an alias a framework defines in the tsconfig its build generates may point (Nuxt's
 * `~/`, `@/`, `~~/`, `@@/`, `#shared/`; `#imports` and other virtual modules point nowhere).
 * Only while that generated tsconfig does not exist yet (undefined otherwise): the conventional
 * folders are tried, and an alias that names none of them is unknown, not broken.
 */
export function frameworkAliasTargets(config: TsconfigFacts | undefined, specifier: string): string[] | undefined {
  if (config?.missingGeneratedBase === undefined) return undefined;
  const projectDir = path.dirname(config.configPath);
  const [head, ...rest] = specifier.split('/');
  if (rest.length === 0) return [];
  const bases = head === '~' || head === '@' ? [path.join(projectDir, 'app'), path.join(projectDir, 'src'), projectDir]
    : head === '~~' || head === '@@' ? [projectDir]
      : [path.join(projectDir, head.slice(1)), path.join(projectDir, 'app', head.slice(1))];
  return bases.map((base) => path.join(base, ...rest));
}
