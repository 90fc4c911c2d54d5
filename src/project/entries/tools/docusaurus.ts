import type { ToolConvention } from './tool-convention.js';

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
  pages: ['{docs,versioned_docs,blog,src/pages,i18n}/**/*.{md,mdx}'],
};
