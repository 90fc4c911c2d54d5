import path from 'node:path';
import { aliasTargetMentions } from './alias-targets.js';
import { valueAt } from './config-values.js';
import { resolvedPathMentions } from './resolved-paths.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** `resolve.alias` targets of a loaded Vite (or Vitest) config: see alias-targets.ts. */
function readViteAliases(config: unknown, configFile: string): ConfigMentions {
  const configDir = path.dirname(configFile);
  const root = valueAt(config, 'root');
  const base = typeof root === 'string' ? path.resolve(configDir, root) : configDir;
  return aliasTargetMentions(valueAt(config, 'resolve', 'alias'), (target) => path.resolve(base, target));
}

/** `resolve.alias` targets, and files the config resolves by path (a plugin's `resolveId`). */
function viteReader(plugin: string): ToolReader {
  return {
    plugin,
    fromConfig: (config, { configFile }) => readViteAliases(config, configFile),
    fromSyntax: (program, context) => resolvedPathMentions(program, context),
  };
}

export const viteConfig = viteReader('vite');
export const vitestConfig = viteReader('vitest');
