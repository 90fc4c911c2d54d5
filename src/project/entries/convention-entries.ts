import { isExampleFile } from './example-files.js';
import type { EntrySource } from './entry-source.js';

/** Tool configuration files at a package's top level (vite.config.ts, .eslintrc.js, knip.ts, ...). */
const TOOL_CONFIG = /^(?:[\w.-]+\.config|\.[\w-]+rc|[\w-]+\.workspace|gulpfile|Gruntfile|Herebyfile|Jakefile|knip)\.[cm]?[jt]sx?$/;
/** Config files of well-known tools, at any depth (a nested app's vite.config.ts). */
const NESTED_TOOL_CONFIG = /(?:^|\/)(?:vite|vitest|webpack|rollup|rolldown|tsup|tsdown|jest|playwright|cypress|next|nuxt|astro|svelte|remix|react-router|docusaurus|tailwind|postcss|babel|eslint|prettier|stylelint|commitlint|lint-staged|rspack|rsbuild|esbuild|vue|vitepress|storybook|wrangler|drizzle|unbuild|build|uno|panda|lingui|i18next|knip)\.config\.[cm]?[jt]sx?$/;
/** A tool's folder or dotfile at a package's top (`.storybook/main.ts`, `.hygen/x/index.js`, `.hygen.js`). */
const TOOL_DIR = /^\.[\w-][^/]*(?:\/.+)?\.[cm]?[jt]sx?$/;
/** ORMs and migration tools load these by a glob in their config (TypeORM, Knex, Sequelize, Kysely). */
const LOADED_BY_GLOB = /(?:^|\/)(?:migrations|seeds|seeders)\/.+\.[cm]?[jt]sx?$/;
const CONVENTIONAL = /^(?:src\/)?(?:index|main|cli)\.(?:[cm]?[jt]sx?)$/;
/**
 * Entries by convention, for a file at `inPackage` (its path inside its package): tools'
 * folders and dotfiles, migrations and seeds, index/main/cli, tool configs.
 */
export function addConventional(file: string, inPackage: string, addFile: (file: string, source: EntrySource) => void): void {
  if (TOOL_DIR.test(inPackage)) addFile(file, { kind: 'config', detail: 'a tool\'s own folder or dotfile (.storybook/, .hygen/, .eslintrc.js)' });
  else if (LOADED_BY_GLOB.test(inPackage)) addFile(file, { kind: 'convention', detail: 'migrations and seeds, loaded by a glob of their tool' });
  else if (CONVENTIONAL.test(inPackage)) addFile(file, { kind: 'convention', detail: 'conventional entry (index, main or cli)' });
  else if (!inPackage.includes('/') && TOOL_CONFIG.test(inPackage)) addFile(file, { kind: 'config', detail: 'tool configuration file' });
}

/** Entries by convention at any depth: example code, well-known tools' configs. */
export function addDeepConventional(file: string, addFile: (file: string, source: EntrySource) => void): void {
  if (isExampleFile(file)) addFile(file, { kind: 'convention', detail: 'example or demo code (each file stands alone)' });
  else if (NESTED_TOOL_CONFIG.test(file)) addFile(file, { kind: 'config', detail: 'tool configuration file' });
}
