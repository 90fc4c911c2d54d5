import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TsconfigFacts } from '../../src/manifests/read-tsconfig.js';
import { FileLookup } from '../../src/resolve/file-lookup.js';
import { mapOutputToSource, sourcePatternFor } from '../../src/resolve/output-to-source.js';

const ROOT = path.join(path.sep, 'repo');
const lookupOf = (files: string[]) => new FileLookup(ROOT, new Set(files));
const map = (target: string, files: string[], tsconfigs: TsconfigFacts[] = []) => {
  const found = mapOutputToSource(path.join(ROOT, target), tsconfigs, lookupOf(files));
  return found === undefined ? undefined : path.relative(ROOT, found).split(path.sep).join('/');
};
const tsconfig = (dir: string, options: { outDir?: string; rootDir?: string; declarationDir?: string }): TsconfigFacts => ({
  configPath: path.join(ROOT, dir, 'tsconfig.build.json'),
  allowJs: false,
  pathsBase: path.join(ROOT, dir),
  patternsBase: path.join(ROOT, dir),
  references: [],
  warnings: [],
  ...(options.outDir !== undefined ? { outDir: path.join(ROOT, dir, options.outDir) } : {}),
  ...(options.rootDir !== undefined ? { rootDir: path.join(ROOT, dir, options.rootDir) } : {}),
  ...(options.declarationDir !== undefined ? { declarationDir: path.join(ROOT, dir, options.declarationDir) } : {}),
});

describe('mapOutputToSource: build output named by package.json → the source it is built from', () => {
  test('tsconfig outDir → rootDir', () => {
    expect(map('out/cli.js', ['source/cli.ts'], [tsconfig('', { outDir: 'out', rootDir: 'source' })])).toBe('source/cli.ts');
  });
  test('tsconfig declarationDir → rootDir, .d.ts → .ts', () => {
    expect(map('types/api.d.ts', ['code/api.ts'], [tsconfig('', { outDir: 'js', declarationDir: 'types', rootDir: 'code' })])).toBe('code/api.ts');
  });
  test('conventional dist → src, with .d.mts and .d.cts', () => {
    expect(map('dist/index.js', ['src/index.ts'])).toBe('src/index.ts');
    expect(map('dist/index.d.mts', ['src/index.ts'])).toBe('src/index.ts');
    expect(map('dist/index.d.cts', ['src/index.cts'])).toBe('src/index.cts');
  });
  test('bundler extensions: .mjs and .cjs built from .ts', () => {
    expect(map('dist/index.mjs', ['src/index.ts'])).toBe('src/index.ts');
    expect(map('dist/index.cjs', ['src/index.tsx'])).toBe('src/index.tsx');
  });
  test('format folders and infixes: dist/esm, dist/types, index.esm.js, index.cjs.js', () => {
    expect(map('dist/esm/utils/index.js', ['src/utils/index.ts'])).toBe('src/utils/index.ts');
    expect(map('dist/types/index.d.ts', ['src/index.ts'])).toBe('src/index.ts');
    expect(map('dist/index.esm.mjs', ['src/index.ts'])).toBe('src/index.ts');
    expect(map('dist/index.cjs.js', ['src/index.ts'])).toBe('src/index.ts');
  });
  test('other output folder names: build, lib, esm, distribution; source folder lib or none', () => {
    expect(map('build/main.js', ['src/main.ts'])).toBe('src/main.ts');
    expect(map('distribution/index.js', ['source/index.ts'])).toBe('source/index.ts');
    expect(map('esm/index.js', ['index.ts'])).toBe('index.ts');
  });
  test('a bundler entry folder: dist/vue.mjs from src/vue/index.ts', () => {
    expect(map('dist/vue.mjs', ['src/vue/index.ts'])).toBe('src/vue/index.ts');
  });
  test('a nested workspace package maps inside its own folder', () => {
    expect(map('packages/core/dist/index.js', ['packages/core/src/index.ts', 'src/index.ts'])).toBe('packages/core/src/index.ts');
  });
  test('no source: undefined (the caller reports a gap)', () => {
    expect(map('dist/react-server.mjs', ['src/index.ts'])).toBeUndefined();
  });
});

describe('sourcePatternFor: an exports pattern target → the source files it covers', () => {
  test('./dist/features/*.js matches src/features/<name>.ts', () => {
    const pattern = sourcePatternFor('./dist/features/*.js', path.join(ROOT, 'packages/ui'), [], lookupOf([]));
    expect(pattern?.test('packages/ui/src/features/button.ts')).toBe(true);
    expect(pattern?.test('packages/ui/src/other/button.ts')).toBe(false);
  });
  test('format folders inside the pattern: ./dist/esm/*.mjs', () => {
    const pattern = sourcePatternFor('./dist/esm/*.mjs', ROOT, [], lookupOf([]));
    expect(pattern?.test('src/drivers/redis.ts')).toBe(true);
  });
});
