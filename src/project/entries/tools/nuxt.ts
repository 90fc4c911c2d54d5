import type { ToolConvention } from './tool-convention.js';

/**
 * Nuxt (3 and 4, with `app/` as source folder): auto-imported composables and utils (used by
 * name, no import statement), file-based pages, layouts, middleware, plugins, components, and
 * Nitro's server routes, handlers and utils. knip's plugin needs the generated `.nuxt/` config,
 * which exists only after `nuxt prepare`.
 */
export const nuxt: ToolConvention = {
  name: 'nuxt',
  dependency: 'nuxt',
  entries: [
    '{app/,}{composables,utils,pages,layouts,middleware,plugins,components}/**',
    '{app/,}{app,error}.config.*',
    'server/**',
    'shared/**',
    'modules/**',
    'nuxt.config.*',
  ],
};
