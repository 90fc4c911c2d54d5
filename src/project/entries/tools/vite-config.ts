import path from 'node:path';
import { aliasTargetMentions } from './alias-targets.js';
import { existingFile, valueAt } from './config-values.js';
import { resolvedPathMentions } from './resolved-paths.js';
import { propertyName, stringElements, walk } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** `resolve.alias` targets of a loaded Vite (or Vitest) config: see alias-targets.ts. */
function readViteAliases(config: unknown, configFile: string): ConfigMentions {
  const configDir = path.dirname(configFile);
  const root = valueAt(config, 'root');
  const base = typeof root === 'string' ? path.resolve(configDir, root) : configDir;
  return aliasTargetMentions(valueAt(config, 'resolve', 'alias'), (target) => path.resolve(base, target));
}

/**
 * Vitest's `setupFiles` and `globalSetup` as the config's syntax spells them (literal paths,
 * relative to the config's folder): knip's plugin reads them only from a config it could load,
 * and a SvelteKit or Nuxt config fails to load until the framework has generated its tsconfig.
 */
function testSetupMentions(program: unknown, configFile: string): ConfigMentions {
  const files: string[] = [];
  for (const node of walk(program)) {
    const name = node.type === 'Property' ? propertyName(node) : undefined;
    if (name !== 'setupFiles' && name !== 'globalSetup') continue;
    for (const value of stringElements(node.value)) {
      const file = value.startsWith('.') ? existingFile(path.resolve(path.dirname(configFile), value)) : undefined;
      if (file !== undefined) files.push(file);
    }
  }
  return { files, packages: [] };
}

/** `resolve.alias` targets, files the config resolves by path (a plugin's `resolveId`), test setup files. */
function viteReader(plugin: string): ToolReader {
  return {
    plugin,
    fromConfig: (config, { configFile }) => readViteAliases(config, configFile),
    fromSyntax: (program, context) => {
      const resolved = resolvedPathMentions(program, context);
      const setup = testSetupMentions(program, context.configFile);
      return { files: [...resolved.files, ...setup.files], packages: resolved.packages };
    },
  };
}

export const viteConfig = viteReader('vite');
export const vitestConfig = viteReader('vitest');
