import { astro } from './astro.js';
import { docusaurus } from './docusaurus.js';
import { nuxt } from './nuxt.js';
import { sveltekit } from './sveltekit.js';
import type { ToolConvention } from './tool-convention.js';

/** One module per tool; add new ones here. */
export const toolConventions: readonly ToolConvention[] = [astro, docusaurus, nuxt, sveltekit];
