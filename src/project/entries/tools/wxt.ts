import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isBareSpecifier, packageNameOf } from '../../../manifests/package-json.js';
import { pageScriptTargets } from '../html-entries.js';
import { stringValue, walk } from './syntax.js';
import type { ToolReader } from './tool-config-reader.js';
import type { ToolConvention } from './tool-convention.js';

const CONFIG_FILES = ['ts', 'mts', 'js', 'mjs', 'cts', 'cjs'].map((extension) => `wxt.config.${extension}`);
const SCRIPT = '{js,jsx,ts,tsx,mjs,mts,cjs,cts}';
/** The folders WXT auto-imports from unless `imports: false` (unimport scans their top level). */
const AUTO_IMPORT_DIRS = ['components', 'composables', 'hooks', 'utils'];

/**
 * WXT (browser extensions): every file one level inside the entrypoints folder (`background.ts`,
 * `popup/index.html`, `content/index.tsx`, `*.content.ts`) is an entry the build turns into part
 * of the manifest, and an HTML entrypoint's scripts are entries too. The exports of the top
 * level of `components/`, `composables/`, `hooks/` and `utils/` are auto-imported: code uses them
 * by name without an import. `<srcDir>/app.config.ts` (runtime config) and the local modules in
 * `modules/` are loaded by name. The folders move with `srcDir` and `entrypointsDir` in
 * wxt.config; knip's plugin looks only in `entrypoints/` at the package top.
 */
export const wxt: ToolConvention = {
  name: 'wxt',
  dependency: 'wxt',
  entries: [],
  configuredEntries: (packageDir) => {
    const config = readConfig(packageDir);
    const srcDir = stringOption(config, 'srcDir') ?? '.';
    const entrypoints = path.posix.join(srcDir, stringOption(config, 'entrypointsDir') ?? 'entrypoints');
    // The runtime config (`useAppConfig`) and local modules are loaded by name too.
    const globs = [`${entrypoints}/*.${SCRIPT}`, `${entrypoints}/*/index.${SCRIPT}`, `${path.posix.join(srcDir, 'app.config')}.${SCRIPT}`, `modules/{*.${SCRIPT},*/index.${SCRIPT}}`];
    for (const page of htmlEntrypoints(path.join(packageDir, entrypoints))) {
      for (const target of pageScriptTargets(page, packageDir)) globs.push(literalGlob(path.relative(packageDir, target)));
    }
    if (!/\bimports\s*:\s*false\b/.test(config)) {
      const dirs = [...AUTO_IMPORT_DIRS, ...extraImportDirs(config)];
      globs.push(...dirs.map((dir) => `${path.posix.join(srcDir, dir)}/{*.${SCRIPT},*/index.${SCRIPT}}`));
    }
    return globs.filter((glob) => !glob.startsWith('../'));
  },
};

/**
 * The `modules` of wxt.config (`'@wxt-dev/module-react'`) read from its syntax: WXT loads each as
 * a package. knip's plugin reads them only from a config it could load, and loading fails until
 * `wxt prepare` has written the `.wxt/tsconfig.json` the project's tsconfig extends.
 */
export const wxtConfig: ToolReader = {
  plugin: 'wxt',
  fromSyntax(program) {
    const packages: string[] = [];
    for (const node of walk(program)) {
      const { key, value } = node as { key?: { name?: unknown; value?: unknown }; value?: { type?: unknown; elements?: unknown[] } };
      if (node.type !== 'Property' || (key?.name ?? key?.value) !== 'modules' || value?.type !== 'ArrayExpression') continue;
      for (const element of value.elements ?? []) {
        const name = stringValue(element);
        if (name !== undefined && isBareSpecifier(name)) packages.push(packageNameOf(name));
      }
    }
    return { files: [], packages };
  },
};

function readConfig(packageDir: string): string {
  for (const name of CONFIG_FILES) {
    try {
      return readFileSync(path.join(packageDir, name), 'utf8');
    } catch {
      // not this extension; WXT's defaults apply when there is no config
    }
  }
  return '';
}

/** A top-level string option of the config (`srcDir: 'src'`), normalised, or undefined. */
function stringOption(config: string, name: string): string | undefined {
  const value = config.match(new RegExp(`\\b${name}\\s*:\\s*["'\`]([^"'\`]+)["'\`]`))?.[1];
  return value === undefined ? undefined : path.posix.normalize(value).replace(/^\.\/|\/$/g, '') || '.';
}

/** More auto-import folders from `imports: { dirs: ['stores'] }`. */
function extraImportDirs(config: string): string[] {
  const list = config.match(/\bdirs\s*:\s*\[([^\]]*)\]/)?.[1] ?? '';
  return [...list.matchAll(/["'`]([^"'`*]+)["'`]/g)].map((match) => path.posix.normalize(match[1]).replace(/^\.\/|\/$/g, ''));
}

/** The HTML entrypoints: `name.html` and `name/index.html` in the entrypoints folder. */
function htmlEntrypoints(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => (name.endsWith('.html') ? [path.join(dir, name)] : [path.join(dir, name, 'index.html')]));
}

/** A path as a glob that matches itself (a character that means something in a glob matches any one character). */
function literalGlob(relative: string): string {
  return relative.split(path.sep).join('/').replace(/[[\]{}*?!]/g, '?');
}
