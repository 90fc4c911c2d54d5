import type { Resolution } from './module-resolver.js';

/**
 * The project files an import loads: its file (and the alternatives conditional exports may pick
 * at runtime), or every file a pattern specifier matches; none for packages, builtins, assets
 * and unresolved specifiers.
 */
export function resolvedFiles(resolution: Resolution): string[] {
  if (resolution.kind === 'file') return [resolution.path, ...(resolution.alternatives ?? [])];
  return resolution.kind === 'files' ? resolution.paths : [];
}
