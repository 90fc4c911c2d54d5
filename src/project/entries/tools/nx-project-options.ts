import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageNameOf } from '../../../manifests/package-json.js';
import { isRecord } from './config-values.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';

/** Builder options that name files the build loads (Angular's builders, @nx/webpack, @nx/esbuild, @nx/js). */
const FILE_OPTIONS = new Set(['main', 'browser', 'server', 'polyfills', 'scripts', 'styles', 'additionalEntryPoints', 'webpackConfig', 'jestConfig', 'setupFile']);

/**
 * An Nx `project.json`'s target options, read as the executor reads them: `browser` / `main`,
 * `polyfills`, `scripts` and `styles` files, and the `with` file of each production
 * `fileReplacements` are loaded by the build (paths from the Nx workspace root, the folder of
 * nx.json). A style or script under `node_modules/` is a package the build uses. knip's Nx
 * plugin reads the executors and commands, not these options.
 */
export const nxProjectOptions: ToolReader = {
  plugin: 'nx',
  fromConfig(config, { configFile, workspaceDir }): ConfigMentions {
    const mentions: ConfigMentions = { files: [], packages: [] };
    if (!isRecord(config) || !isRecord(config.targets) || path.basename(configFile) !== 'project.json') return mentions;
    const root = nxWorkspaceRoot(path.dirname(configFile)) ?? workspaceDir;
    const add = (value: unknown) => {
      const file = typeof value === 'string' ? value : isRecord(value) && typeof value.input === 'string' ? value.input : undefined;
      if (file === undefined || file === '' || /[*{]/.test(file)) return;
      const normal = file.replace(/^\.\//, '');
      if (normal.startsWith('node_modules/')) mentions.packages.push(packageNameOf(normal.slice('node_modules/'.length)));
      else mentions.files.push(path.resolve(root, normal));
    };
    for (const target of Object.values(config.targets)) {
      if (!isRecord(target)) continue;
      const optionSets = [target.options, ...(isRecord(target.configurations) ? Object.values(target.configurations) : [])];
      for (const options of optionSets) {
        if (!isRecord(options)) continue;
        for (const [key, value] of Object.entries(options)) {
          if (FILE_OPTIONS.has(key)) for (const item of Array.isArray(value) ? value : [value]) add(item);
          if (key === 'fileReplacements' && Array.isArray(value)) for (const item of value) if (isRecord(item)) add(item.with);
        }
      }
    }
    return mentions;
  },
};

/** The folder of the nearest nx.json at or above `dir`. */
function nxWorkspaceRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'nx.json'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}
