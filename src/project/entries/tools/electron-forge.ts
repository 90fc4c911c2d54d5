import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ToolConvention } from './tool-convention.js';

const CONFIG_FILES = ['forge.config.ts', 'forge.config.mts', 'forge.config.js', 'forge.config.cjs', 'forge.config.mjs'];
const SCRIPT = '{,.ts,.tsx,.mts,.js,.jsx,.mjs,.cjs}';

/**
 * Electron Forge: its Vite and webpack plugins build the main process, preloads and renderers
 * from the files forge.config names (`entry: 'src/main.ts'`, `js: './src/renderer.ts'`,
 * `preload: { js: './src/preload.ts' }`, and the bundler configs in `config` / `mainConfig`),
 * into `.vite/build` or `.webpack`, which package.json `main` then names. knip has no plugin for it.
 * The config is read as text (its values are string literals in every template).
 */
export const electronForge: ToolConvention = {
  name: 'electron-forge',
  dependency: '@electron-forge/cli',
  entries: [],
  outputDirs: ['.vite/build', '.webpack'],
  configuredEntries: (packageDir) => {
    const texts = CONFIG_FILES.flatMap((name) => {
      try {
        return [readFileSync(path.join(packageDir, name), 'utf8')];
      } catch {
        return []; // not this file name
      }
    });
    try {
      // package.json `config.forge` as an object (the Forge 5 way) reads the same way.
      const forge = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { config?: { forge?: unknown } }).config?.forge;
      if (typeof forge === 'object' && forge !== null) texts.push(JSON.stringify(forge));
      if (typeof forge === 'string') texts.push(`config: '${forge}'`);
    } catch {
      // package.json was read before this: a failure here leaves the config files' entries
    }
    const globs: string[] = [];
    for (const text of texts) {
      for (const match of text.matchAll(/["']?\b(?:entry|js|config|mainConfig)["']?\s*:\s*["'`]([^"'`]+)["'`]/g)) {
        const target = path.posix.normalize(match[1]).replace(/^\.\//, '');
        if (target.startsWith('../') || target.startsWith('/') || /[*?{}[\]!]/.test(target)) continue;
        globs.push(/\.[cm]?[jt]sx?$/.test(target) ? target : `${target}${SCRIPT}`);
      }
    }
    return globs;
  },
};
