import type { FileFacts, ImportFact } from '../facts.js';
import { skippedFileFacts } from '../skipped-file-facts.js';

/** Style sheets: CSS and its preprocessors. Their imports are read; their rules are not analysed. */
export const STYLESHEET_FILE = /\.(?:css|scss|sass|less)$/;

/**
 * `@import 'x'` (also `url('x')` and Less options), Sass `@use`/`@forward`, Tailwind's
 * `@plugin`/`@config`/`@reference`, and CSS Modules' `composes: a from 'x'`.
 */
const STYLE_IMPORT = /@(?:import|use|forward|plugin|config|reference)\s+(?:\([^)]*\)\s*)?(?:url\(\s*)?['"]([^'"\n]+)['"]|\bcomposes\s*:[^;{}]*?\bfrom\s+['"]([^'"\n]+)['"]/g;
/** Not files or packages: remote URLs, data, Sass' built-in modules. */
const NOT_A_MODULE = /^(?:[a-z]+:\/\/|\/\/|data:|sass:)/i;

/**
 * Facts of a style sheet: only what it loads (packages such as `bootstrap/scss/functions`, a
 * Tailwind plugin `./plugin.js`, partials). Style sheets are loaded by bundlers, frameworks'
 * configs and HTML in ways orch-guard does not follow, so they are not judged: they count as
 * `skipped` (never reported unused; roots, so what they load is used). A webpack `~pkg` is `pkg`.
 */
export function stylesheetFacts(text: string): FileFacts {
  const imports: ImportFact[] = [];
  const seen = new Set<string>();
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const match of withoutComments.matchAll(STYLE_IMPORT)) {
    const raw = match[1] ?? match[2];
    const specifier = raw.replace(/^~(?=[^/])/, '').replace(/^pkg:/, '');
    if (NOT_A_MODULE.test(specifier) || seen.has(specifier)) continue;
    seen.add(specifier);
    const offset = match.index ?? 0;
    let line = lineStarts.findIndex((start) => start > offset);
    if (line === -1) line = lineStarts.length;
    imports.push({ specifier, form: 'url', line, column: offset - lineStarts[line - 1] + 1, owner: -1, typeOnly: false, whole: true });
  }
  return { ...skippedFileFacts('stylesheet', undefined), imports };
}
