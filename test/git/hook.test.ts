import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, commitWithHooks, createGitRepo, git, withGitRepo } from '../support/git-repo.js';
import { removeTemp, runCli } from '../support/run-cli.js';

const project = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.ts" }',
  'src/index.ts': 'export const main = 1;\n',
};

const withRepo = (files: Record<string, string>, work: (root: string) => Promise<void>) => withGitRepo({ ...project, ...files }, work);

describe.concurrent('hook install: a pre-commit gate that blocks dead code', () => {
  test('plain git: installs, blocks a commit with new dead code, allows a clean one, idempotent, uninstalls', async () => {
    await withRepo({}, async (root) => {
      const installed = await runCli(['hook', 'install', '--root', root]);
      expect(installed.exitCode).toBe(0);
      expect(installed.stdout).toMatch(/^Installed the orch-guard pre-commit hook \(git\): .*\.git\/hooks\/pre-commit\n$/);
      const hook = path.join(root, '.git/hooks/pre-commit');
      expect(statSync(hook).mode & 0o111).not.toBe(0);
      const firstContent = readFileSync(hook, 'utf8');
      expect(firstContent).toMatch(/^#!\/bin\/sh\n# >>> orch-guard pre-commit >>> \(orch-guard created this file\)\n.* validate --staged \|\| exit 1\n# <<< orch-guard pre-commit <<<\n$/);

      const again = await runCli(['hook', 'install', '--root', root]);
      expect(again.stdout).toContain('already installed');
      expect(readFileSync(hook, 'utf8')).toBe(firstContent);

      writeFileSync(path.join(root, 'src/dead.ts'), 'export const dead = 1;\n');
      git(root, 'add', '-A');
      const blocked = commitWithHooks(root, 'adds dead code');
      expect(blocked.status).not.toBe(0);
      expect(blocked.output).toContain('File `src/dead.ts` is not reachable from any entry');
      expect(blocked.output).toContain('Commit blocked by orch-guard');

      writeFileSync(path.join(root, 'src/index.ts'), "export { dead } from './dead';\nexport const main = 1;\n");
      git(root, 'add', '-A');
      expect(commitWithHooks(root, 'wires it in').status).toBe(0);

      const removed = await runCli(['hook', 'uninstall', '--root', root]);
      expect(removed.stdout).toContain('Removed the orch-guard pre-commit hook (git)');
      expect(existsSync(hook)).toBe(false);
    });
  });

  test('a foreign shell hook is kept: the block is added before its final exit, and uninstall restores its bytes', async () => {
    await withRepo({}, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      const foreign = '#!/bin/bash\necho "lint"\nexit 0\n';
      writeFileSync(hook, foreign, { mode: 0o755 });
      await runCli(['hook', 'install', '--root', root]);
      const content = readFileSync(hook, 'utf8');
      expect(content.startsWith('#!/bin/bash\necho "lint"\n# >>> orch-guard pre-commit >>>\n')).toBe(true);
      expect(content.endsWith('# <<< orch-guard pre-commit <<<\nexit 0\n')).toBe(true);
      await runCli(['hook', 'uninstall', '--root', root]);
      expect(readFileSync(hook, 'utf8')).toBe(foreign);
    });
  });

  test('a foreign hook that is not a shell script is refused and left untouched', async () => {
    await withRepo({}, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      const foreign = '#!/usr/bin/env node\nconsole.log("x");\n';
      writeFileSync(hook, foreign, { mode: 0o755 });
      const result = await runCli(['hook', 'install', '--root', root]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^orch-guard: hook install: .*pre-commit is not a shell script; orch-guard will not edit it\. Add `.*validate --staged` to it yourself\n$/);
      expect(readFileSync(hook, 'utf8')).toBe(foreign);
    });
  });

  test('core.hooksPath is honoured', async () => {
    await withRepo({}, async (root) => {
      git(root, 'config', 'core.hooksPath', 'githooks');
      await runCli(['hook', 'install', '--root', root]);
      expect(readFileSync(path.join(root, 'githooks/pre-commit'), 'utf8')).toContain('validate --staged');
    });
  });

  test('husky: adds the block to .husky/pre-commit and removes exactly it', async () => {
    await withRepo({ '.husky/pre-commit': 'npm test\n' }, async (root) => {
      const result = await runCli(['hook', 'install', '--root', root]);
      expect(result.stdout).toContain('(husky)');
      const file = path.join(root, '.husky/pre-commit');
      expect(readFileSync(file, 'utf8')).toMatch(/^npm test\n# >>> orch-guard pre-commit >>>\n.*validate --staged \|\| exit 1\n# <<< orch-guard pre-commit <<<\n$/);
      await runCli(['hook', 'uninstall', '--root', root]);
      expect(readFileSync(file, 'utf8')).toBe('npm test\n');
    });
  });

  test('lefthook: inserts a command under an existing pre-commit and removes exactly it', async () => {
    const original = 'pre-commit:\n  parallel: true\n  commands:\n    lint:\n      run: npm run lint\npre-push:\n  commands:\n    test:\n      run: npm test\n';
    await withRepo({ 'lefthook.yml': original }, async (root) => {
      await runCli(['hook', 'install', '--root', root]);
      const file = path.join(root, 'lefthook.yml');
      const content = readFileSync(file, 'utf8');
      expect(content).toMatch(/^pre-commit:\n  parallel: true\n  commands:\n    # >>> orch-guard pre-commit >>>\n    orch-guard:\n      run: .*validate --staged\n    # <<< orch-guard pre-commit <<<\n    lint:\n/);
      await runCli(['hook', 'uninstall', '--root', root]);
      expect(readFileSync(file, 'utf8')).toBe(original);
    });
  });

  test('simple-git-hooks: appends to the package.json command and removes exactly it', async () => {
    const manifest = `${JSON.stringify({ name: 'app', type: 'module', main: 'src/index.ts', 'simple-git-hooks': { 'pre-commit': 'npx lint-staged' } }, null, 2)}\n`;
    await withRepo({ 'package.json': manifest }, async (root) => {
      const result = await runCli(['hook', 'install', '--root', root]);
      expect(result.stdout).toContain('Next: run `npx simple-git-hooks` to apply the updated hooks');
      const hooks = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))['simple-git-hooks'];
      expect(hooks['pre-commit']).toMatch(/^npx lint-staged && .*validate --staged # orch-guard$/);
      await runCli(['hook', 'uninstall', '--root', root]);
      expect(readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(manifest);
    });
  });

  test('outside a git repository: exit 2', async () => {
    const root = path.join(createGitRepo({}), 'not-git');
    mkdirSync(root);
    const result = await runCli(['hook', 'install', '--root', '/']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('orch-guard: hook install: / is not inside a git work tree\n');
    removeTemp(path.dirname(root));
  });
});
