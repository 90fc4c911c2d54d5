import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadKnip } from '../../src/knip/load-knip.js';
import { bundlerEntryMentions } from '../../src/project/entries/tools/bundler-entries.js';
import { createPathEvaluator, type ParseModule } from '../../src/project/entries/tools/static-paths.js';
import { writeTempProject } from '../support/temp-project.js';

const root = writeTempProject({
  'package.json': '{ "name": "app" }',
  'configs/paths.ts': "import path from 'node:path';\nconst root = path.join(__dirname, '..');\nconst src = `${root}/src`;\nexport default { root, src, main: path.join(src, 'main') };\nexport const cycle = path.join(loop, 'x');\nimport { loop } from './paths';",
  'configs/legacy.js': "const { join } = require('path');\nmodule.exports = { lib: join(__dirname, '..', 'lib') };",
  'src/main.ts': '',
  'src/worker.ts': '',
  'lib/index.js': '',
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
// knip's parser, as src/knip hands it to the tool readers.
let parseText: (file: string, text: string) => unknown;
let parse: ParseModule;
beforeAll(async () => {
  const knip = await loadKnip();
  parseText = (file, text) => knip.parseFile(file, text).program;
  parse = (file) => parseText(file, readFileSync(file, 'utf8'));
});

/** The value of the last `export const value = ...` of a config at configs/config.ts. */
function valueOf(source: string): string | undefined {
  const file = path.join(root, 'configs/config.ts');
  const program = parseText(file, source) as { body: Array<{ declaration?: { declarations?: Array<{ init: unknown }> } }> };
  const init = program.body.at(-1)?.declaration?.declarations?.[0]?.init;
  return createPathEvaluator(program, file, root, parse)(init);
}

describe('paths a config computes, read without running it', () => {
  test('a paths module\'s default export: shorthand consts, template literals, path.join from __dirname', () => {
    expect(valueOf("import paths from './paths';\nexport const value = paths.main;")).toBe(path.join(root, 'src/main'));
    expect(valueOf("import p from './paths';\nimport path from 'path';\nexport const value = path.join(p.src, 'worker.ts');")).toBe(path.join(root, 'src/worker.ts'));
  });

  test('a CommonJS module.exports through require, path.resolve from the working directory, process.cwd()', () => {
    expect(valueOf("const legacy = require('./legacy');\nexport const value = legacy.lib;")).toBe(path.join(root, 'lib'));
    expect(valueOf("import { resolve } from 'node:path';\nexport const value = resolve('src', 'main.ts');")).toBe(path.join(root, 'src/main.ts'));
    expect(valueOf('export const value = `${process.cwd()}/lib`;')).toBe(`${root}/lib`);
    expect(valueOf("import path from 'node:path';\nexport const value = path.resolve(import.meta.dirname, '../lib');")).toBe(path.join(root, 'lib'));
  });

  test('an ESM config\'s own __dirname from import.meta.url, and URLs relative to it', () => {
    expect(valueOf("import path from 'node:path';\nimport { fileURLToPath } from 'node:url';\nconst __dirname = path.dirname(fileURLToPath(import.meta.url));\nexport const value = path.resolve(__dirname, '../src/main.ts');")).toBe(path.join(root, 'src/main.ts'));
    expect(valueOf("import url from 'node:url';\nexport const value = url.fileURLToPath(new URL('../lib/', import.meta.url));")).toBe(`${path.join(root, 'lib')}/`);
    // However it is computed, a config's own __dirname is its folder.
    expect(valueOf("import { dirname } from 'pathe';\nconst __dirname = dirname(someHelper());\nexport const value = `${__dirname}/x`;")).toBe(`${path.join(root, 'configs')}/x`);
  });

  test('what it cannot compute is unknown, and a binding that refers to itself ends', () => {
    expect(valueOf("import { dependencies } from '../package.json';\nexport const value = Object.keys(dependencies)[0];")).toBeUndefined();
    expect(valueOf("import { cycle } from './paths';\nexport const value = cycle;")).toBeUndefined();
    expect(valueOf("import paths from './paths';\nexport const value = paths.missing;")).toBeUndefined();
  });

  test('bundler entries: strings, arrays, objects and `{ import }` descriptors from `context`; a package name is a package', () => {
    const file = path.join(root, 'configs/webpack.config.ts');
    const program = parseText(file, "import path from 'path';\nimport paths from './paths';\nexport default { context: paths.root, entry: { main: [path.join(paths.src, 'main.ts'), 'react-hot-loader/patch'], worker: { import: './src/worker' }, dll: Object.keys({}) } };");
    expect(bundlerEntryMentions(program, { configFile: file, workspaceDir: root, parseModule: parse })).toEqual({
      files: [path.join(root, 'src/main.ts'), path.join(root, 'src/worker.ts')],
      packages: ['react-hot-loader'],
    });
  });
});
