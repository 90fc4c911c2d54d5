import path from 'node:path';

const STYLE_EXTENSIONS = ['.scss', '.sass', '.less', '.css'];

/**
 * Relative specifiers a style sheet's import may mean, tried before a package: Sass and Less
 * resolve `@import 'vars'` and `@use 'a/b'` next to the importing file first, as a partial
 * (`_vars.scss`), with any style extension, or as a folder's `_index`/`index`.
 */
export function stylesheetCandidates(specifier: string): string[] {
  if (specifier.startsWith('/') || /^[a-z]+:/i.test(specifier)) return [];
  const relative = specifier.startsWith('./') || specifier.startsWith('../') ? specifier : `./${specifier}`;
  const dir = path.posix.dirname(relative);
  const base = path.posix.basename(relative);
  const candidates = [relative];
  for (const extension of STYLE_EXTENSIONS) {
    candidates.push(`${relative}${extension}`, `${dir}/_${base}${extension}`, `${relative}/_index${extension}`, `${relative}/index${extension}`);
  }
  if (/\.(?:s[ac]ss|less|css)$/.test(base)) candidates.push(`${dir}/_${base}`);
  return candidates;
}
