import type { ParseModule } from './static-paths.js';

/**
 * What a tool's config says that knip's plugin for it does not: files it loads (a service
 * worker, an alias target, an i18n config) and packages it uses (an ESLint plugin named in a
 * legacy `extends` string, an `@types/x` package named by tsconfig `types`). src/knip hands
 * each reader the config its plugin loaded (or parsed) and adds the answer to the plugin's.
 */
export interface ConfigMentions {
  /** Absolute paths of files the tool loads (with or without extension). */
  files: string[];
  /** Package names the tool uses. */
  packages: string[];
}

export interface ConfigContext {
  /** Parses another module of the project (one a config imports its paths from); see static-paths.ts. */
  parseModule?: ParseModule;
  /** Absolute path of the config file. */
  configFile: string;
  /** Absolute directory of the workspace the tool runs in (where its command starts). */
  workspaceDir: string;
}

export interface ToolReader {
  /** The knip plugin whose config this reads (`nuxt`, `jest`, `eslint`, ...). */
  plugin: string;
  /** Reads the config as the plugin loaded it (a module's default export, parsed JSON). */
  fromConfig?: (config: unknown, context: ConfigContext) => ConfigMentions;
  /** Reads the config file's syntax tree (ESTree, as knip's parser gives it). */
  fromSyntax?: (program: unknown, context: ConfigContext) => ConfigMentions;
  /** Rewrites the loaded config into what the tool really sees, before the plugin reads it. */
  prepareConfig?: (config: unknown, context: ConfigContext) => unknown;
}

