import path from 'node:path';
import { readTextIfPresent } from './config-values.js';
import type { ToolConvention } from './tool-convention.js';

const CONFIG_NAMES = ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'].map((extension) => `docusaurus.config.${extension}`);

/**
 * Docusaurus: pages, swizzled theme components (a file in `src/theme/` replaces the theme's
 * component of that path, nothing imports it), the config and sidebars. knip's plugin knows the
 * pages but not the swizzled theme. Docs, versioned docs, blog posts, Markdown pages and their
 * translations are MDX (`.md` too, by default) that import components.
 */
export const docusaurus: ToolConvention = {
  name: 'docusaurus',
  dependency: '@docusaurus/core',
  entries: ['src/theme/**', 'src/pages/**', 'docusaurus.config.*', 'sidebars.*'],
  // `<id>_versioned_docs`: the versions of a docs plugin with an `id`.
  pages: ['{docs,versioned_docs,*_versioned_docs,blog,src/pages,i18n}/**/*.{md,mdx}'],
  // A content plugin moved by `path: 'knowledge'` (docs, blog, pages, i18n translations): every
  // folder a `path` of the config names holds pages. Reading more than that keeps more alive, never less.
  configuredPages: (packageDir) => CONFIG_NAMES.flatMap((name) => {
    const text = readTextIfPresent(path.join(packageDir, name));
    if (text === undefined) return [];
    return [...text.matchAll(/\bpath\s*:\s*["'`]([^"'`]+)["'`]/g)]
      .map((match) => path.posix.normalize(match[1]).replace(/^\.\/|\/$/g, ''))
      .filter((folder) => folder !== '.' && !folder.startsWith('..') && !folder.startsWith('/'))
      .map((folder) => `${folder}/**/*.{md,mdx}`);
  }),
};
