import { bundlerEntries } from './bundler-entries.js';
import { configPathArguments } from './config-path-arguments.js';
import { docusaurusConfig } from './docusaurus-config.js';
import { eslintBabelOptions } from './eslint-babel-options.js';
import { eslintCompat } from './eslint-compat.js';
import { eslintConfigPaths } from './eslint-config-paths.js';
import { eslintSharedConfigs } from './eslint-shared-configs.js';
import { expoConfigPlugins } from './expo-config-plugins.js';
import { gatsbyConfig } from './gatsby-config.js';
import { jestProjects } from './jest-projects.js';
import { jestRootDirPaths } from './jest-root-dir.js';
import { nestCli } from './nest-cli.js';
import { nuxtConfig } from './nuxt-config.js';
import { nxProjectOptions } from './nx-project-options.js';
import type { ToolReader } from './tool-config-reader.js';
import { tsconfigTypes } from './tsconfig-types.js';
import { unbuildEntries } from './unbuild-entries.js';
import { viteConfig, vitestConfig } from './vite-config.js';
import { vitePwa } from './vite-pwa.js';
import { webpackLoaders } from './webpack-loaders.js';
import { wxtConfig } from './wxt.js';

/** Readers of tool configs, one module per tool; src/knip adds them to knip's plugins. */
export const toolReaders: readonly ToolReader[] = [docusaurusConfig, eslintBabelOptions, eslintCompat, eslintConfigPaths, eslintSharedConfigs, expoConfigPlugins, gatsbyConfig, jestProjects, jestRootDirPaths, nestCli, nuxtConfig, nxProjectOptions, tsconfigTypes, unbuildEntries, viteConfig, vitestConfig, vitePwa, ...webpackLoaders, wxtConfig, ...configPathArguments, ...bundlerEntries];
