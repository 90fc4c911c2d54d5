import type { ToolConvention } from './tool-convention.js';

const SCRIPT = '{js,jsx,ts,tsx,mjs,mts,cjs}';

/**
 * Gatsby: the site's API files at the top (`gatsby-config`, `gatsby-node`, `gatsby-browser`,
 * `gatsby-ssr`) and those of local plugins in `plugins/<name>/`, the file routes in `src/pages/`,
 * the Functions in `src/api/`, `src/html.js`, and the page templates in `src/templates/` (which
 * `gatsby-node` hands to `createPage` by a path, not an import). knip's plugin lists these but
 * (knip 6) adds them only when the plugin reads no config file, and a Gatsby site always has one.
 */
export const gatsby: ToolConvention = {
  name: 'gatsby',
  dependency: 'gatsby',
  entries: [
    `gatsby-{config,node,browser,ssr}.${SCRIPT}`,
    `plugins/*/gatsby-{config,node,browser,ssr}.${SCRIPT}`,
    `src/pages/**/*.${SCRIPT}`,
    `src/templates/**/*.${SCRIPT}`,
    `src/api/**/*.${SCRIPT}`,
    `src/html.${SCRIPT}`,
  ],
};
