import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { FileLookup } from '../../src/resolve/file-lookup.js';
import { ModuleResolver } from '../../src/resolve/module-resolver.js';
import { resolvedFiles } from '../../src/resolve/resolved-files.js';
import { readTsconfig } from '../../src/manifests/read-tsconfig.js';
import { writeTempProject } from '../support/temp-project.js';

const files = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/lib/*'] } } }),
  'src/index.ts': '',
  'src/lib/math.ts': '',
  'src/lib/index.ts': '',
  'src/locales/en.ts': '',
  'src/locales/fr.ts': '',
  'src/styles.css': '',
};
const root = writeTempProject(files);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const projectFiles = Object.keys(files).filter((file) => /\.ts$/.test(file));
const resolver = new ModuleResolver(new FileLookup(root, new Set(projectFiles)), [readTsconfig(`${root}/tsconfig.json`)], []);
const resolve = (specifier: string) => resolver.resolve('src/index.ts', specifier);

describe('resolution of a specifier from src/index.ts', () => {
  test('relative, with the .js of build output mapped to the .ts source, and directory indexes', () => {
    expect(resolve('./lib/math')).toEqual({ kind: 'file', path: 'src/lib/math.ts' });
    expect(resolve('./lib/math.js')).toEqual({ kind: 'file', path: 'src/lib/math.ts' });
    expect(resolve('./lib')).toEqual({ kind: 'file', path: 'src/lib/index.ts' });
  });

  test('tsconfig paths', () => {
    expect(resolve('@lib/math')).toEqual({ kind: 'file', path: 'src/lib/math.ts' });
  });

  test('packages, builtins, assets and names that lead nowhere', () => {
    expect(resolve('react/jsx-runtime')).toEqual({ kind: 'external', packageName: 'react' });
    expect(resolve('@scope/pkg/sub')).toEqual({ kind: 'external', packageName: '@scope/pkg' });
    expect(resolve('node:fs')).toEqual({ kind: 'builtin' });
    expect(resolve('./styles.css')).toMatchObject({ kind: 'asset' });
    expect(resolve('./missing')).toEqual({ kind: 'unresolved' });
  });

  test('a pattern resolves to every file it matches', () => {
    const resolution = resolver.resolvePattern('src/index.ts', './locales/*.ts');
    expect(resolvedFiles(resolution)).toEqual(['src/locales/en.ts', 'src/locales/fr.ts']);
  });
});
