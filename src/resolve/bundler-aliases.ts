import path from 'node:path';
import { isInside } from '../files/path-inside.js';

/**
 * An import alias a bundler or framework config defines (webpack/Vite/Vitest `resolve.alias`,
 * SvelteKit's `$lib` and `kit.alias`, Docusaurus' `@site/`), read by knip's plugins: like a
 * tsconfig `paths` entry, `pattern` is an exact name or ends in `*`, and so do the targets.
 */
export interface BundlerAlias {
  /** The workspace whose files the alias applies to, root-relative ('' for the root). */
  workspaceDir: string;
  pattern: string;
  /** Absolute paths. */
  targets: string[];
}

/**
 * The absolute paths a specifier maps to through the aliases of the innermost workspace that
 * holds the importing folder and has aliases; the longest matching prefix wins, as in `paths`.
 */
export function bundlerAliasTargets(aliases: readonly BundlerAlias[], root: string, fromDir: string, specifier: string): string[] {
  const holding = aliases.filter((alias) => isInside(path.join(root, alias.workspaceDir), fromDir));
  const innermost = Math.max(-1, ...holding.map((alias) => alias.workspaceDir.length));
  let best: { alias: BundlerAlias; prefixLength: number; star: string } | undefined;
  for (const alias of holding) {
    if (alias.workspaceDir.length !== innermost) continue;
    const star = alias.pattern.indexOf('*');
    if (star === -1) {
      if (alias.pattern === specifier) return alias.targets;
      // A bundler's alias key names a folder too (Vite, webpack, Nuxt: `@shared` → `@shared/utils`).
      if (specifier.startsWith(`${alias.pattern}/`) && (best === undefined || alias.pattern.length > best.prefixLength)) {
        best = { alias: { ...alias, targets: alias.targets.map((target) => `${target}*`) }, prefixLength: alias.pattern.length, star: specifier.slice(alias.pattern.length) };
      }
      continue;
    }
    const prefix = alias.pattern.slice(0, star);
    const suffix = alias.pattern.slice(star + 1);
    if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
    if (best === undefined || prefix.length > best.prefixLength) {
      best = { alias, prefixLength: prefix.length, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
    }
  }
  if (best === undefined) return [];
  const { star } = best;
  return best.alias.targets.map((target) => target.replace('*', star));
}

