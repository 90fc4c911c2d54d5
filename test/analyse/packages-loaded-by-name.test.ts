import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { packagesLoadedByName } from '../../src/analyse/packages-loaded-by-name.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'loaded-by-name-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** An installed package folder holding the given files. */
function installed(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** A package.json that names the packages (as devDependencies, to test with them). */
const naming = (...names: string[]) => JSON.stringify({ devDependencies: Object.fromEntries(names.map((name) => [name, '*'])) });

describe('packages a package loads by name', () => {
  test('a literal require or dynamic import in a small package\'s own modules, of a package its manifest names', () => {
    const loads = packagesLoadedByName('engines', installed('engines', {
      'lib/engines.js': "exports.pug = () => require('pug');\nexports.ejs = () => import(\"ejs\");\nexports.sharp = () => require(process.env.SHARP_PATH || 'sharp');",
      'lib/unnamed.js': "require('unnamed');",
      'node_modules/inner/index.js': "require('nested-only');",
    }), naming('pug', 'ejs', 'sharp', 'nested-only', 'pu'));
    expect(['pug', 'ejs', 'sharp', 'nested-only', 'pu', 'unnamed'].map(loads)).toEqual(['package', 'package', 'package', undefined, undefined, undefined]);
  });

  test('a bundle inlines other packages\' code: what it requires is not read', () => {
    const loads = packagesLoadedByName('bundler', installed('bundler', {
      'dist/chunk.js': `${'// inlined code\n'.repeat(20_000)}const ws = import.meta.require('ws');`,
      'dist/index.js': "export * from './chunk.js';",
    }), naming('ws'));
    expect(loads('ws')).toBeUndefined();
  });

  test('a large package is not read; a known tool\'s undeclared load is known', () => {
    const files = Object.fromEntries(Array.from({ length: 160 }, (_, index) => [`dist/part${index}.js`, "require('engine');"]));
    expect(packagesLoadedByName('large', installed('large', files), naming('engine'))('engine')).toBeUndefined();
    expect(packagesLoadedByName('next', installed('next', { 'package.json': '{}' }), '{}')('sharp')).toBe('package');
  });

  test('a module that forms the names of its scope\'s addons from a list (a Nuxt module\'s auto-imports) loads those it lists', () => {
    const dir = installed('@acme/nuxt', { 'dist/index.js': "const packages = ['core', 'math'];\nfor (const pkg of packages) if (isPackageExists(`@acme/${pkg}`)) addImportsFrom(`@acme/${pkg}`);" });
    const loads = packagesLoadedByName('@acme/nuxt', dir, '{ "name": "@acme/nuxt" }');
    expect(['@acme/math', '@acme/motion', '@other/math', 'math'].map(loads)).toEqual(['package', undefined, undefined, undefined]);
    // Without the formed name, a literal of the scope's addon is not enough.
    const plain = packagesLoadedByName('@acme/plain', installed('@acme/plain', { 'index.js': "export const kinds = ['math'];" }), '{}');
    expect(plain('@acme/math')).toBeUndefined();
  });

  test('a Babel plugin or preset the package names in the options it hands to Babel is resolved from the project', () => {
    const loads = packagesLoadedByName('vite-plugin-workers', installed('vite-plugin-workers', {
      'dist/vite.js': "export const preset = () => ({ plugins: [['@babel/plugin-proposal-decorators', { version: '2023-11' }]], presets: [solid, 'babel-preset-solid'] });\nexport const other = ['babel-plugin-listed-only'];",
      // A PostCSS plugin's own name inside a plugins list is a value, not a plugin to load.
      'dist/postcss.js': "export default { plugins: [first(), { postcssPlugin: 'tailwindcss' }] };",
    }), naming('@babel/plugin-proposal-decorators', 'babel-preset-solid', 'babel-plugin-listed-only', 'tailwindcss'));
    expect(['@babel/plugin-proposal-decorators', 'babel-preset-solid', 'babel-plugin-listed-only', 'tailwindcss'].map(loads)).toEqual(['project', 'project', undefined, undefined]);
  });
});
