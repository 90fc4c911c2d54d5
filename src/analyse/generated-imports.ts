import type { GraphFile } from '../graph/symbol-graph.js';

const SHOWN = 3;

/**
 * Imports of git-ignored paths that do not exist: what a build or script generates (a
 * translation-status.json, an icon sprite, release notes fetched at prebuild). They are not
 * reported as broken (the checkout is simply unbuilt); one notice names them instead, so a
 * stale import of an ignored file is still visible.
 */
export function generatedImportsNotice(files: readonly GraphFile[]): string | undefined {
  const named: string[] = [];
  for (const file of files) {
    for (const [index, fact] of file.facts.imports.entries()) {
      const resolution = file.resolutions[index];
      if (resolution?.kind !== 'unresolved' || resolution.gitIgnored !== true || fact.form === 'url' || fact.unbounded === true) continue;
      named.push(`${file.path} imports ${fact.specifier}`);
    }
  }
  if (named.length === 0) return undefined;
  const more = named.length > SHOWN ? ` and ${named.length - SHOWN} more` : '';
  const what = named.length === 1
    ? 'an import names a git-ignored file that does not exist (a build or script generates it), so it is'
    : `${named.length} imports name git-ignored files that do not exist (a build or script generates them), so they are`;
  return `${what} not checked: ${named.slice(0, SHOWN).join(', ')}${more}`;
}
