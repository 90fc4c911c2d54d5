import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageNameOf } from '../../../manifests/package-json.js';
import { configPackage, extendsPackages, pluginPackage } from './eslint-compat.js';
import { isRecord } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** Shared configs extend others (airbnb → its rule files): deeper than this is a cycle. */
const MAX_DEPTH = 10;

/**
 * A legacy ESLint config (`.eslintrc*`, package.json `eslintConfig`) that extends a shared
 * config (`extends: 'erb'` → eslint-config-erb, which extends airbnb, `plugin:jest/...`):
 * ESLint 8 loads every plugin of that chain from the project's own folder, so the project lists
 * them (the shared config's own copies are not used), and nothing imports them. knip reads only
 * the project's config: the shared configs are loaded here, as ESLint would, and their plugins
 * are packages the project uses, with their peers. A shared config that cannot be loaded makes this config's
 * reading fail (a notice, and its package's findings turn low confidence).
 */
export const eslintSharedConfigs: ToolReader = {
  plugin: 'eslint',
  fromConfig(config, { configFile }): ConfigMentions {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (node: unknown, fromFile: string, depth: number) => {
      if (!isRecord(node) || depth > MAX_DEPTH) return;
      // Plugins of the project's own config are knip's; those of shared configs are not.
      if (depth > 0) for (const plugin of strings(node.plugins)) packages.add(pluginPackage(plugin));
      for (const specifier of strings(node.extends)) {
        if (specifier.startsWith('eslint:')) continue;
        if (specifier.startsWith('plugin:')) {
          if (depth > 0) for (const name of extendsPackages(specifier)) packages.add(name);
          const pluginConfig = loadPluginConfig(specifier, fromFile);
          if (pluginConfig !== undefined && !seen.has(specifier)) {
            seen.add(specifier);
            try {
              visit(pluginConfig.config, pluginConfig.file, depth + 1);
            } catch {
              // A config the plugin extends that cannot be found here: what it names stays unknown, as before.
            }
          }
          continue;
        }
        const require = createRequire(fromFile);
        const file = require.resolve(isPath(specifier) ? specifier : sharedConfigRequest(specifier));
        if (seen.has(file)) continue;
        seen.add(file);
        visit(require(file), file, depth + 1);
      }
      for (const override of Array.isArray(node.overrides) ? node.overrides : []) visit(override, fromFile, depth);
    };
    visit(config, configFile, 0);
    // A plugin's peers (eslint-plugin-prettier needs prettier) come from the project too.
    for (const plugin of [...packages]) for (const peer of installedPeers(plugin, configFile)) packages.add(peer);
    return { files: [], packages: [...packages] };
  },
};

/**
 * The config a `plugin:@nx/react` (or `plugin:react-hooks/recommended`) extends: the plugin's
 * `configs.react`, whose own plugins and extends ESLint 8 loads from the project too
 * (`plugins: ['jsx-a11y', 'react']`). A plugin that cannot be loaded here gives nothing: knip
 * still counts the plugin itself.
 */
function loadPluginConfig(specifier: string, fromFile: string): { config: unknown; file: string } | undefined {
  const rest = specifier.slice('plugin:'.length);
  const slash = rest.lastIndexOf('/');
  if (slash <= 0) return undefined;
  try {
    const require = createRequire(fromFile);
    const file = require.resolve(pluginPackage(rest.slice(0, slash)));
    const plugin: unknown = require(file);
    const configs = isRecord(plugin) ? plugin.configs : undefined;
    const config = isRecord(configs) ? configs[rest.slice(slash + 1)] : undefined;
    return isRecord(config) ? { config, file } : undefined;
  } catch {
    return undefined;
  }
}

/** The peer dependencies of a package installed where the project's config finds it (none when it is not). */
function installedPeers(name: string, configFile: string): string[] {
  for (let dir = path.dirname(configFile); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) {
      const { peerDependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as { peerDependencies?: unknown };
      return isRecord(peerDependencies) ? Object.keys(peerDependencies) : [];
    }
    if (path.dirname(dir) === dir) return [];
  }
}

function strings(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** What ESLint requires for a shared config name: `airbnb/hooks` → eslint-config-airbnb/hooks. */
function sharedConfigRequest(specifier: string): string {
  const name = packageNameOf(specifier);
  return `${configPackage(name)}${specifier.slice(name.length)}`;
}

function isPath(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}
