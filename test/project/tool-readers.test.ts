import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { aliasTargetMentions } from '../../src/project/entries/tools/alias-targets.js';
import { jestProjects } from '../../src/project/entries/tools/jest-projects.js';
import { nuxtConfig } from '../../src/project/entries/tools/nuxt-config.js';
import { tsconfigTypes } from '../../src/project/entries/tools/tsconfig-types.js';
import { serviceWorkerSource } from '../../src/project/entries/tools/vite-pwa.js';
import { createIgnoreChecker } from '../../src/files/ignored-paths.js';
import { FileLookup } from '../../src/resolve/file-lookup.js';
import { writeTempProject } from '../support/temp-project.js';

const root = writeTempProject({
  '.gitignore': 'generated/\n',
  'docs/.gitignore': 'status.json\n',
  'app/app.vue': '',
  'service-worker/sw.ts': '',
  'public/sw.js': '',
  'shims/semver.ts': '',
  'i18n/i18n.config.ts': '',
  'packages/a/package.json': '{ "name": "a" }',
  'packages/a/src/index.ts': '',
  'node_modules/mocked-exports/proxy.mjs': '',
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (relative: string) => path.join(root, relative);
const context = { configFile: at('nuxt.config.ts'), workspaceDir: root };

describe('tool config readers', () => {
  test('nuxt.config: alias targets, the PWA worker under the app/ source dir, the default i18n config', () => {
    const config = {
      alias: { semver: '~~/shims/semver', 'change-case': 'scule', ws: at('node_modules/mocked-exports/proxy.mjs') },
      pwa: { strategies: 'injectManifest', srcDir: '../service-worker' },
      i18n: {},
      postcss: { plugins: { 'postcss-nested': {} } },
    };
    expect(nuxtConfig.fromConfig?.(config, context)).toEqual({
      files: [at('shims/semver.ts'), at('service-worker/sw.ts'), at('i18n/i18n.config.ts')],
      packages: ['scule', 'mocked-exports', 'postcss-nested'],
    });
  });

  test('an alias from a workspace package\'s name to its own source is not an entry', () => {
    expect(aliasTargetMentions({ a: at('packages/a/src'), semver: at('shims/semver') }, (target) => target)).toEqual({ files: [at('shims/semver.ts')], packages: [] });
  });

  test('vite-plugin-pwa: only injectManifest has a source; public/sw.js is the default', () => {
    expect(serviceWorkerSource({ strategies: 'generateSW' }, [root])).toEqual([]);
    expect(serviceWorkerSource({ strategies: 'injectManifest' }, [root])).toEqual([at('public/sw.js')]);
  });

  test('jest: an inline project\'s relative rootDir is the working directory, <rootDir> the config\'s folder', () => {
    const config = { projects: [{ rootDir: '.', setupFiles: ['<rootDir>/scripts/setup.ts'] }, { setupFiles: ['<rootDir>/x.ts'] }] };
    const prepared = jestProjects.prepareConfig?.(config, { configFile: at('scripts/jest/jest.config.js'), workspaceDir: root });
    expect(prepared).toEqual({ projects: [
      { rootDir: root, setupFiles: [at('scripts/setup.ts')] },
      { rootDir: at('scripts/jest'), setupFiles: [at('scripts/jest/x.ts')] },
    ] });
  });

  test('tsconfig types name @types packages, scoped ones with __', () => {
    expect(tsconfigTypes.fromConfig?.({ compilerOptions: { types: ['node', 'deno', '@scope/pkg', './local'] } }, context)).toEqual({ files: [], packages: ['@types/node', '@types/deno', '@types/scope__pkg'] });
  });
});

describe('what an import that names no file may still be', () => {
  test('git-ignored by the nearest .gitignore files, or inside an ignored folder', () => {
    const isIgnored = createIgnoreChecker(root);
    expect(isIgnored(at('docs/status.json'))).toBe(true);
    expect(isIgnored(at('generated/routes.ts'))).toBe(true);
    expect(isIgnored(at('status.json'))).toBe(false);
  });

  test('a pattern over data files that exist on disk', () => {
    const lookup = new FileLookup(root, new Set());
    expect(lookup.fileOnDiskMatching('packages/*/package.json')).toBe('packages/a/package.json');
    expect(lookup.fileOnDiskMatching('packages/*/missing.json')).toBeUndefined();
  });
});
