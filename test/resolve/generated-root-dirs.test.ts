import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { readTsconfig } from '../../src/manifests/read-tsconfig.js';
import { FileLookup } from '../../src/resolve/file-lookup.js';
import { ModuleResolver } from '../../src/resolve/module-resolver.js';
import { writeTempProject } from '../support/temp-project.js';

const reactRouter = writeTempProject({
  'tsconfig.json': JSON.stringify({ compilerOptions: { rootDirs: ['.', './.react-router/types'] } }),
  'app/routes/home.tsx': '',
});
const svelteKit = writeTempProject({
  'tsconfig.json': JSON.stringify({ extends: './.svelte-kit/tsconfig.json' }),
  'src/routes/+page.ts': '',
});
afterAll(() => [reactRouter, svelteKit].forEach((root) => rmSync(root, { recursive: true, force: true })));

function resolverFor(root: string, file: string): ModuleResolver {
  return new ModuleResolver(new FileLookup(root, new Set([file])), [readTsconfig(`${root}/tsconfig.json`)], []);
}

describe('a rootDirs folder a type generator writes', () => {
  test('React Router: ./+types/<route> lands in .react-router/types, a types-only artifact', () => {
    const resolver = resolverFor(reactRouter, 'app/routes/home.tsx');
    expect(resolver.resolve('app/routes/home.tsx', './+types/home')).toEqual({ kind: 'asset', path: '.react-router/types/app/routes/+types/home', typesOnly: true });
  });

  test('SvelteKit: the missing generated tsconfig still joins .svelte-kit/types to the source', () => {
    const config = readTsconfig(`${svelteKit}/tsconfig.json`);
    expect(config.rootDirs).toEqual([svelteKit, `${svelteKit}/.svelte-kit/types`]);
    const resolver = resolverFor(svelteKit, 'src/routes/+page.ts');
    expect(resolver.resolve('src/routes/+page.ts', './$types')).toEqual({ kind: 'asset', path: '.svelte-kit/types/src/routes/$types', typesOnly: true });
  });

  test('without a generated rootDir, a miss is unresolved (SvelteKit\'s own ./$types is known by name)', () => {
    const resolver = new ModuleResolver(new FileLookup(svelteKit, new Set(['src/routes/+page.ts'])), [], []);
    expect(resolver.resolve('src/routes/+page.ts', './+types/page')).toEqual({ kind: 'unresolved' });
    expect(resolver.resolve('src/routes/+page.ts', './$types')).toEqual({ kind: 'asset', path: 'src/routes/$types' });
  });
});
