import type { KnipModules } from './load-knip.js';

/**
 * Nested packages (folders with their own package.json that are not workspaces: a docs site,
 * an example app) handed to knip as extra workspaces, so knip enables each one's plugins from
 * its own package.json and reads its tools' configs (a Starlight site's astro.config, an example's
 * vite.config). Their files were the root workspace's already: the run reads more configs, not
 * more source.
 */
export function withNestedWorkspaces(options: unknown, nestedDirs: readonly string[]): unknown {
  if (nestedDirs.length === 0) return options;
  const listed = (options as { workspaces?: string[] }).workspaces ?? [];
  return { ...(options as object), workspaces: [...listed, ...nestedDirs] };
}

/**
 * knip keeps a workspace's globs out of the workspaces below it. A nested package was never
 * one: the root's tools reached into it (a root vitest `include: ['site/checks/**']`) and must
 * still, or files they make live would turn "unused". So while `nestedDirs` are set, knip's
 * ancestors do not exclude them. One run at a time per thread (the knip worker runs once).
 */
export async function keepNestedInAncestors<T>(knip: KnipModules, nestedDirs: readonly string[], run: () => Promise<T>): Promise<T> {
  if (nestedDirs.length === 0) return run();
  const prototype = knip.ConfigurationChief.prototype;
  const negated = prototype.getNegatedWorkspacePatterns;
  const nested = new Set(nestedDirs);
  prototype.getNegatedWorkspacePatterns = function (this: unknown, name: string) {
    // knip's patterns are `!<descendant relative to name>/**`.
    return negated.call(this, name).filter((pattern) => {
      const relative = pattern.slice(1).replace(/\/\*\*$/, '');
      return !nested.has(name === '.' ? relative : `${name}/${relative}`);
    });
  };
  try {
    return await run();
  } finally {
    prototype.getNegatedWorkspacePatterns = negated;
  }
}
