import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { git } from '../support/git-repo.js';
import { inDependencyRepo, OFFLINE } from '../support/dependency-fixture.js';
import { runCli } from '../support/run-cli.js';

const inRepo = (work: (root: string) => Promise<void>, config?: string) => inDependencyRepo(work, config === undefined ? {} : { 'orch.config.json': config });

describe('cleanup removes unused dependencies through the package manager, verified', () => {
  test('dry run: says what npm would remove, changes nothing, exits 1', async () => {
    await inRepo(async (root) => {
      const result = await runCli(['cleanup', '--root', root], { env: OFFLINE });
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toContain('Would remove 1 unused dependency with npm:\n  left-pad  (package.json)\n');
      expect(git(root, 'status', '--porcelain')).toBe('');
    });
  }, 60_000);

  test('--fix: npm uninstalls it (package.json, lockfile, node_modules) and validate is clean after', async () => {
    await inRepo(async (root) => {
      const result = await runCli(['cleanup', '--fix', '--root', root], { env: OFFLINE });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Removed 1 unused dependency with npm:\n  left-pad  (package.json)\n');
      expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies).toBeUndefined();
      expect(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).not.toContain('left-pad');
      expect(existsSync(path.join(root, 'node_modules/left-pad'))).toBe(false);
      expect((await runCli(['validate', '--root', root])).exitCode).toBe(0);
    });
  }, 60_000);

  test('--fix keeps package.json as the user formatted it (tabs, an inline object, no final newline); --undo gives back its bytes', async () => {
    const manifest = '{\n\t"name": "dep-fixture",\n\t"version": "1.0.0",\n\t"type": "module",\n\t"main": "src/index.js",\n\t"dependencies": {\n\t\t"left-pad": "1.3.0"\n\t},\n\t"scripts": {"start": "node src/index.js"}\n}';
    await inDependencyRepo(async (root) => {
      const result = await runCli(['cleanup', '--fix', '--root', root], { env: OFFLINE });
      expect(result.exitCode).toBe(0);
      expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe('{\n\t"name": "dep-fixture",\n\t"version": "1.0.0",\n\t"type": "module",\n\t"main": "src/index.js",\n\t"scripts": {"start": "node src/index.js"}\n}');
      expect(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).not.toContain('left-pad');
      expect((await runCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
      expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(manifest);
    }, { 'package.json': manifest });
  }, 60_000);

  test('--fix when verification needs the package: kept, and every byte and the installed package restored', async () => {
    await inRepo(async (root) => {
      const manifest = readFileSync(path.join(root, 'package.json'));
      const lockfile = readFileSync(path.join(root, 'package-lock.json'));
      const result = await runCli(['cleanup', '--fix', '--root', root], { env: OFFLINE });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Kept 1 dependency:\n  left-pad (package.json): verification fails without it (something loads it in a way the analysis cannot see)\n');
      expect(readFileSync(path.join(root, 'package.json'))).toEqual(manifest);
      expect(readFileSync(path.join(root, 'package-lock.json'))).toEqual(lockfile);
      expect(readFileSync(path.join(root, 'node_modules/left-pad/index.js'), 'utf8')).toBe('module.exports = (text) => text;\n');
    }, '{ "cleanup": { "verify": ["node -e \\"require(\'left-pad\')\\""] } }\n');
  }, 60_000);
});
