import { resolvedPathMentions } from './resolved-paths.js';
import type { ToolReader } from './tool-config-reader.js';

/**
 * Framework and bundler configs whose calls may be handed project files by path
 * (`createNextIntlPlugin('./src/libs/I18n.ts')` in next.config.ts): see resolved-paths.ts.
 * Vite, Vitest and Nuxt read them in their own modules. Only plugins that already read their
 * config: a reader added to one that does not would stop knip's default entries for it.
 */
const PLUGINS = ['next', 'astro', 'sveltekit', 'rollup', 'rolldown', 'webpack', 'rspack', 'rsbuild', 'docusaurus', 'nitro', 'react-router', 'electron-vite', 'wxt'];

export const configPathArguments: readonly ToolReader[] = PLUGINS.map((plugin) => ({
  plugin,
  fromSyntax: (program, context) => resolvedPathMentions(program, context),
}));
