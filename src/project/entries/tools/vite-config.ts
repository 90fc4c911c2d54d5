import path from 'node:path';
import { aliasTargetMentions } from './alias-targets.js';
import { valueAt } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** `resolve.alias` targets of a loaded Vite (or Vitest) config: see alias-targets.ts. */
function readViteAliases(config: unknown, configFile: string): ConfigMentions {
  const configDir = path.dirname(configFile);
  const root = valueAt(config, 'root');
  const base = typeof root === 'string' ? path.resolve(configDir, root) : configDir;
  return aliasTargetMentions(valueAt(config, 'resolve', 'alias'), (target) => path.resolve(base, target));
}

export const viteConfig: ToolReader = { plugin: 'vite', fromConfig: (config, { configFile }) => readViteAliases(config, configFile) };
export const vitestConfig: ToolReader = { plugin: 'vitest', fromConfig: (config, { configFile }) => readViteAliases(config, configFile) };
