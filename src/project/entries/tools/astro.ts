import path from 'node:path';
import { readTextIfPresent } from './config-values.js';
import type { ToolConvention } from './tool-convention.js';

const CONTENT_CONFIGS = ['src/content.config', 'src/content/config'].flatMap((name) => ['ts', 'mts', 'js', 'mjs'].map((extension) => `${name}.${extension}`));

/**
 * Astro: Markdown and MDX pages in `src/pages/` (a frontmatter `layout` names the component
 * that wraps them) and content collection entries (`src/content/`, or where a collection's
 * `glob({ base })` loader reads them), which MDX lets import components. knip's plugin knows
 * the `.astro` and endpoint pages of workspaces (not of a nested package such as a docs site).
 */
export const astro: ToolConvention = {
  name: 'astro',
  dependency: 'astro',
  // What Astro loads by name: the content collections' config, pages and endpoints (not `_`
  // prefixed), middleware and actions. knip's plugin knows them too, but only in a workspace:
  // these reach a nested docs site's as well.
  entries: [
    'src/{content.config,content/config}.{ts,mts,js,mjs}',
    'src/pages/**/*.{astro,js,ts,mjs,mts}',
    '!src/pages/**/_*',
    '!src/pages/**/_*/**',
    'src/middleware{,/index}.{js,ts}',
    'src/actions/index.{js,ts}',
  ],
  pages: ['src/{pages,content}/**/*.{md,mdx}'],
  configuredPages: (packageDir) => CONTENT_CONFIGS.flatMap((name) => {
    const text = readTextIfPresent(path.join(packageDir, name));
    if (text === undefined) return [];
    // `glob({ pattern: '**/*.md', base: './src/data/post' })`: every Markdown file under the base.
    return [...text.matchAll(/\bglob\s*\(\s*\{[^}]*?\bbase\s*:\s*["'`]([^"'`]+)["'`]/g)]
      .map((match) => `${path.posix.normalize(match[1]).replace(/^\.\/|\/$/g, '')}/**/*.{md,mdx}`)
      .filter((glob) => !glob.startsWith('..') && !glob.startsWith('/'));
  }),
};
