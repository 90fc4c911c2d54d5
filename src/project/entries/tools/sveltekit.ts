import type { ToolConvention } from './tool-convention.js';

/**
 * SvelteKit: the router loads route files by name (`+page`, `+layout`, `+server`, `+error`,
 * with `.server` variants and `@` layout resets), and the runtime loads hooks, param matchers,
 * the service worker and server instrumentation. knip's plugin knows these only when it finds
 * a `svelte.config.js` or a Vite config that calls `sveltekit()`.
 */
export const sveltekit: ToolConvention = {
  name: 'sveltekit',
  dependency: '@sveltejs/kit',
  entries: [
    'src/routes/**/+{page,layout}{,.server}{,@*}.{js,ts,svelte}',
    'src/routes/**/+{server,error}.{js,ts,svelte}',
    'src/hooks{,.server,.client}.{js,ts}',
    'src/params/*.{js,ts}',
    'src/service-worker{,/index}.{js,ts}',
    'src/instrumentation.server.{js,ts}',
    'svelte.config.{js,mjs,ts}',
  ],
};
