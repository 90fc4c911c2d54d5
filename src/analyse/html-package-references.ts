import path from 'node:path';
import { readTextIfPresent } from '../project/entries/tools/config-values.js';
import { enumerateFiles } from '../files/enumerate-files.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';

/**
 * Template languages of static site generators (Eleventy, Jekyll-style layouts): a template
 * inlines a package's file by path (`{% include "node_modules/prismjs/themes/prism-okaidia.css" %}`).
 */
const TEMPLATE_FILE = /\.(?:njk|liquid|hbs|handlebars|mustache|ejs|pug|webc|twig|vto)$/;
const HTML_REFERENCE = /\b(?:src|href)\s*=\s*["'][^"']*?node_modules\/((?:@[^/"']+\/)?[^/"']+)/gi;
/** In a template, any quoted path into node_modules (an include, a src or href, a render call). */
const TEMPLATE_REFERENCE = /["'](?:\.{0,2}\/)*node_modules\/((?:@[^/"']+\/)?[^/"']+)/g;
/**
 * Project style sheets a build compiles (Sass through esbuild or a task runner, not imported by
 * any script): `@use '../node_modules/@picocss/pico/scss/pico'`, `@import '~bootstrap/scss/x'`,
 * `@use 'pkg:@acme/theme'`.
 */
const STYLE_FILE = /\.(?:s[ac]ss|less|styl)$/;
const STYLE_REFERENCE = /@(?:use|import|forward)\s+["'](?:(?:\.{0,2}\/)*node_modules\/|~|pkg:)((?:@[^/"']+\/)?[^/"']+)/g;

/**
 * Packages an HTML page loads straight from node_modules (`<script src="../node_modules/lodash/
 * lodash.min.js">`, `<link href="node_modules/todomvc-app-css/index.css">`): examples and static
 * pages served as they are, with no bundler and no import; and site generators' templates that
 * inline a package's file (TEMPLATE_FILE), and style sheets a build compiles (STYLE_FILE). Their packages are used. Read only
 * when some dependency looks unused (a walk of the project's HTML files).
 */
function htmlPackageReferences(root: string): Set<string> {
  const names = new Set<string>();
  for (const page of enumerateFiles({ root, outputDirs: [], accept: (file) => file.endsWith('.html') || TEMPLATE_FILE.test(file) || STYLE_FILE.test(file) })) {
    const html = readTextIfPresent(path.join(root, page));
    const isStyle = STYLE_FILE.test(page);
    if (html === undefined || (!isStyle && !html.includes('node_modules/'))) continue;
    const reference = page.endsWith('.html') ? HTML_REFERENCE : isStyle ? STYLE_REFERENCE : TEMPLATE_REFERENCE;
    for (const match of html.matchAll(reference)) names.add(match[1]);
  }
  return names;
}

/** knip's unused dependencies, less those an HTML page loads from node_modules. */
export function dropHtmlLoadedPackages(root: string, problems: DependencyProblem[]): DependencyProblem[] {
  if (!problems.some(isUnusedDependency)) return problems;
  const loaded = htmlPackageReferences(root);
  return loaded.size === 0 ? problems : problems.filter((problem) => !isUnusedDependency(problem) || !loaded.has(problem.name));
}
