import { existsSync } from 'node:fs';
import path from 'node:path';
import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { aliasTargetMentions } from './alias-targets.js';
import { filesBelow, isRecord, valueAt } from './config-values.js';
import { nuxtI18nFiles } from './nuxt-i18n.js';
import { resolvedPathMentions } from './resolved-paths.js';
import { literalValuesOf } from './syntax.js';
import type { ConfigMentions, ToolReader } from './tool-config-reader.js';
import { serviceWorkerSource } from './vite-pwa.js';

/**
 * What a loaded nuxt.config names beyond knip's Nuxt plugin: alias targets (`alias`,
 * `vite.resolve.alias`, `nitro.alias`: files loaded in place of an import, packages used), the
 * PWA service worker of `pwa` (vite-plugin-pwa / @vite-pwa/nuxt; knip reads only an inline
 * object literal), and @nuxtjs/i18n's `i18n` files. The config is read after evaluation, so a
 * value spread or imported from another file (`pwa` from `./config/pwa`) counts too; files its
 * hooks resolve by path are read from its syntax (resolved-paths.ts).
 */
export const nuxtConfig: ToolReader = {
  plugin: 'nuxt',
  fromConfig(config, { configFile }): ConfigMentions {
    const configDir = path.dirname(configFile);
    const rootDir = typeof valueAt(config, 'rootDir') === 'string' ? path.resolve(configDir, valueAt(config, 'rootDir') as string) : configDir;
    const srcOption = valueAt(config, 'srcDir');
    const srcDir = typeof srcOption === 'string' ? path.resolve(rootDir, srcOption) : existsSync(path.join(rootDir, 'app')) ? path.join(rootDir, 'app') : rootDir;
    const toAbsolute = (target: string) => {
      if (/^(?:~~|@@)\//.test(target)) return path.join(rootDir, target.slice(3));
      if (/^[~@]\//.test(target)) return path.join(srcDir, target.slice(2));
      return path.resolve(rootDir, target);
    };
    const mentions: ConfigMentions = { files: [], packages: [] };
    for (const aliases of [valueAt(config, 'alias'), valueAt(config, 'vite', 'resolve', 'alias'), valueAt(config, 'nitro', 'alias')]) {
      const found = aliasTargetMentions(aliases, toAbsolute);
      mentions.files.push(...found.files);
      mentions.packages.push(...found.packages);
    }
    // `imports.dirs` and `components` add folders to the conventional composables/ and components/:
    // their files are used by name, without an import, like those of the conventional ones.
    // Nuxt resolves a plain folder name there from the source folder.
    for (const dir of autoImportDirs(config)) {
      const absolute = /^(?:~~?|@@?)\//.test(dir) ? toAbsolute(dir) : path.resolve(srcDir, dir);
      mentions.files.push(...filesBelow(absolute, (relative) => /\.(?:[cm]?[jt]sx?|vue)$/.test(relative)));
    }
    // @vite-pwa/nuxt runs Vite with Nuxt's source dir as its root.
    mentions.files.push(...serviceWorkerSource(valueAt(config, 'pwa'), [srcDir, rootDir]));
    mentions.files.push(...nuxtI18nFiles(valueAt(config, 'i18n'), rootDir, srcDir));
    // `postcss: { plugins: { 'postcss-nested': {} } }`: Nuxt loads each key as a package.
    const postcssPlugins = valueAt(config, 'postcss', 'plugins');
    if (isRecord(postcssPlugins)) mentions.packages.push(...Object.keys(postcssPlugins).filter(isBareSpecifier).map(packageNameOf));
    return mentions;
  },
  fromSyntax(program, { configFile }) {
    const { files } = resolvedPathMentions(program, configFile);
    // A `prepare:types` hook's `references.push({ types: '@types/x' })` adds a package's types.
    const packages = literalValuesOf(program, 'types').filter(isBareSpecifier).map(packageNameOf);
    return { files, packages };
  },
};

/**
 * The folders of `imports.dirs` (`'~/custom/composables'`, `'stores/**'`) and of `components`
 * (`['~/ui', { path: '~/feature' }]` or `{ dirs: [...] }`), a glob cut to the folder it starts in.
 */
function autoImportDirs(config: unknown): string[] {
  const components = valueAt(config, 'components');
  const componentDirs = Array.isArray(components) ? components : isRecord(components) && Array.isArray(components.dirs) ? components.dirs : [];
  const importDirs = valueAt(config, 'imports', 'dirs');
  return [...(Array.isArray(importDirs) ? importDirs : []), ...componentDirs]
    .map((dir) => (typeof dir === 'string' ? dir : isRecord(dir) && typeof dir.path === 'string' ? dir.path : undefined))
    .filter((dir): dir is string => dir !== undefined)
    .map((dir) => dir.split('/').filter((part, index, parts) => !parts.slice(0, index + 1).some((seen) => /[*?{[]/.test(seen))).join('/'))
    .filter((dir) => dir !== '' && dir !== '~' && dir !== '@');
}
