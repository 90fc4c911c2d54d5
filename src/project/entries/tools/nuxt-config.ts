import { existsSync } from 'node:fs';
import path from 'node:path';
import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { aliasTargetMentions } from './alias-targets.js';
import { filesBelow, isRecord, valueAt } from './config-values.js';
import { nuxtI18nFiles } from './nuxt-i18n.js';
import { resolvedPathMentions } from './resolved-paths.js';
import { literalValuesOf, stringValue, walk } from './syntax.js';
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
    mentions.packages.push(...layerPackages(valueAt(config, 'extends')));
    // `devtools: { enabled: true }`: Nuxt loads @nuxt/devtools, the project's own copy when listed.
    const devtools = valueAt(config, 'devtools');
    if (devtools === true || (isRecord(devtools) && devtools.enabled !== false)) mentions.packages.push('@nuxt/devtools');
    return mentions;
  },
  fromSyntax(program, context) {
    const { files } = resolvedPathMentions(program, context);
    // A `prepare:types` hook's `references.push({ types: '@types/x' })` adds a package's types.
    const packages = literalValuesOf(program, 'types').filter(isBareSpecifier).map(packageNameOf);
    // Layers by package name (`extends: ['docus']`), also when the config cannot be loaded.
    for (const node of walk(program)) {
      if (node.type !== 'Property') continue;
      const key = (node.key as { name?: string } | undefined)?.name;
      if (key === 'extends') packages.push(...layerPackages(literalOrArray(node.value)));
      if (key === 'devtools' && devtoolsEnabled(node.value)) packages.push('@nuxt/devtools');
    }
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

/**
 * Nuxt layers named by package (`extends: ['docus', ['@org/layer', { install: true }]]`): Nuxt
 * loads each one's nuxt.config, so the package is used. Paths (`./base`, `~/x`) and remote
 * sources (`github:owner/repo`, `gh:`, `gitlab:`, URLs) are not packages.
 */
function layerPackages(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item) => (Array.isArray(item) ? item[0] : item))
    .filter((item): item is string => typeof item === 'string' && isBareSpecifier(item) && !/^[\w-]+:/.test(item))
    .map(packageNameOf);
}

/** A string literal, or an array of them (and of `[name, options]` tuples), as plain values. */
function literalOrArray(node: unknown): unknown {
  const value = node as { type?: string; elements?: unknown[] } | undefined;
  if (value?.type !== 'ArrayExpression') return stringValue(node);
  return (value.elements ?? []).map((element) => {
    const inner = element as { type?: string; elements?: unknown[] } | undefined;
    return inner?.type === 'ArrayExpression' ? stringValue(inner.elements?.[0]) : stringValue(element);
  });
}

/** `devtools: true` or `devtools: { … }` without a literal `enabled: false`. */
function devtoolsEnabled(node: unknown): boolean {
  const value = node as { type?: string; value?: unknown; properties?: Array<{ key?: { name?: string }; value?: { type?: string; value?: unknown } }> } | undefined;
  if (value?.type === 'Literal') return value.value === true;
  if (value?.type !== 'ObjectExpression') return false;
  return !(value.properties ?? []).some((property) => property.key?.name === 'enabled' && property.value?.type === 'Literal' && property.value.value === false);
}
