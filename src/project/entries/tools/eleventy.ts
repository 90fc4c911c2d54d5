import type { ToolConvention } from './tool-convention.js';

const SCRIPT = '{js,cjs,mjs,ts,mts,cts}';

/**
 * Eleventy: it loads by name its config (`eleventy.config.js`, `.eleventy.js`), every JavaScript
 * file in a data folder (`_data/`, wherever `dir.data` puts it: global data named after the
 * file), directory and template data files (`*.11tydata.js`) and JavaScript templates
 * (`*.11ty.js`). Nothing imports them. knip's plugin reads them from the config it loads, and
 * loading fails when Eleventy's API has moved past knip's stand-in for it.
 */
export const eleventy: ToolConvention = {
  name: 'eleventy',
  dependency: '@11ty/eleventy',
  entries: [
    `{.eleventy,eleventy.config}.${SCRIPT}`,
    `**/_data/**/*.${SCRIPT}`,
    `**/*.11tydata.${SCRIPT}`,
    `**/*.11ty.{js,cjs,mjs,ts,jsx,tsx}`,
  ],
};
