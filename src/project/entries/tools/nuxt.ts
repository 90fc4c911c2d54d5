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
    // The root component and error page, the router options: Nuxt loads them by name.
    '{layers/*/,}{app/,}{app,error}.{vue,jsx,tsx}',
    '{layers/*/,}{app/,}router.options.*',
    // Layers under layers/ are auto-registered and have the same structure.
    '{layers/*/,}{app/,}{composables,utils,pages,layouts,middleware,plugins,components}/**',
    '{layers/*/,}{app/,}{app,error}.config.*',
    '{layers/*/,}server/**',
    '{layers/*/,}shared/**',
    '{layers/*/,}modules/**',
    '{layers/*/,}nuxt.config.*',
  ],
};
