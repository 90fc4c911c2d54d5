import { astro } from './astro.js';
import { docusaurus } from './docusaurus.js';
import { electronBuilder } from './electron-builder.js';
import { eleventy } from './eleventy.js';
import { electronForge } from './electron-forge.js';
import { gatsby } from './gatsby.js';
import { nextjs } from './nextjs.js';
import { nuxt } from './nuxt.js';
import { oclif } from './oclif.js';
import { plasmo } from './plasmo.js';
import { storybook } from './storybook.js';
import { sveltekit } from './sveltekit.js';
import { vitepress } from './vitepress.js';
import { wxt } from './wxt.js';
import type { ToolConvention } from './tool-convention.js';

/** One module per tool; add new ones here. */
export const toolConventions: readonly ToolConvention[] = [astro, docusaurus, electronBuilder, eleventy, electronForge, gatsby, nextjs, nuxt, oclif, plasmo, storybook, sveltekit, vitepress, wxt];
