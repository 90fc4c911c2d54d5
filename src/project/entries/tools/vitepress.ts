import type { ToolConvention } from './tool-convention.js';

/**
 * VitePress: the site's config and theme entry live in `.vitepress/` of the docs folder it is
 * run on (`vitepress dev docs`), which is often not the package's top; knip's plugin looks only there.
 */
export const vitepress: ToolConvention = {
  name: 'vitepress',
  dependency: 'vitepress',
  entries: ['**/.vitepress/config.{js,ts,mjs,mts}', '**/.vitepress/theme/index.{js,ts,mjs,mts}'],
};
