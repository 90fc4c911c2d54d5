import { chmodSync, lstatSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, createGitRepo, git } from '../support/git-repo.js';
import { FAULT_CLI, runFaultCli, snapshotTree } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { used } from './tool.js';\nimport { live } from './crlf.js';\nconsole.log(used(), live());\n",
};

async function withRepo(files: Record<string, string>, work: (root: string) => Promise<void>, prepare?: (root: string) => void): Promise<void> {
  const root = createGitRepo({ ...PROJECT, ...files });
  try {
    prepare?.(root);
    commitAll(root, 'initial');
    await work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe.concurrent('file modes, BOMs, line endings and symlinks survive', () => {
  test('cleanup --fix and --undo keep a 755 file executable, a UTF-8 BOM and CRLF line breaks', async () => {
    const files = {
      'src/tool.js': '#!/usr/bin/env node\nexport function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n',
      'src/crlf.js': '\uFEFFexport function live() {\r\n  return 1;\r\n}\r\n\r\nexport function unusedToo() {\r\n  return 2;\r\n}\r\n',
    };
    await withRepo(files, async (root) => {
      const before = snapshotTree(root);
      const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.exitCode).toBe(0);
      expect(mode(path.join(root, 'src/tool.js'))).toBe('755');
      expect(readFileSync(path.join(root, 'src/tool.js'), 'utf8')).toBe('#!/usr/bin/env node\nexport function used() {\n  return 1;\n}\n');
      expect(readFileSync(path.join(root, 'src/crlf.js'), 'utf8')).toBe('\uFEFFexport function live() {\r\n  return 1;\r\n}\r\n');
      expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
      expect(snapshotTree(root)).toEqual(before);
    }, (root) => chmodSync(path.join(root, 'src/tool.js'), 0o755));
  });
});

describe.concurrent('hook install / uninstall keep the hook as it was', () => {
  test('an executable hook keeps its mode, and uninstall gives back its exact bytes (no final newline)', async () => {
    await withRepo({}, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      const foreign = '#!/bin/sh\nnpm run lint';
      writeFileSync(hook, foreign);
      chmodSync(hook, 0o750);
      expect((await runFaultCli(['hook', 'install', '--root', root])).exitCode).toBe(0);
      expect(mode(hook)).toBe('750');
      expect(readFileSync(hook, 'utf8')).toMatch(/^#!\/bin\/sh\nnpm run lint\n# >>> orch-guard pre-commit >>>\n.* validate --staged \|\| exit 1\n# <<< orch-guard pre-commit <<<$/);
      expect((await runFaultCli(['hook', 'uninstall', '--root', root])).exitCode).toBe(0);
      expect(readFileSync(hook, 'utf8')).toBe(foreign);
      expect(mode(hook)).toBe('750');
    });
  });

  test('a symlinked hook stays a symlink, and its committed target gets no absolute path of this machine', async () => {
    await withRepo({ 'scripts/pre-commit.sh': '#!/bin/sh\necho lint\n' }, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      symlinkSync('../../scripts/pre-commit.sh', hook);
      expect((await runFaultCli(['hook', 'install', '--root', root])).exitCode).toBe(0);
      expect(lstatSync(hook).isSymbolicLink()).toBe(true);
      expect(readlinkSync(hook)).toBe('../../scripts/pre-commit.sh');
      const script = readFileSync(path.join(root, 'scripts/pre-commit.sh'), 'utf8');
      expect(script).toContain('npx --no-install orch-guard validate --staged || exit 1');
      expect(script).not.toContain(FAULT_CLI);
      expect(mode(path.join(root, 'scripts/pre-commit.sh'))).toBe('755');
      await runFaultCli(['hook', 'uninstall', '--root', root]);
      expect(lstatSync(hook).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(root, 'scripts/pre-commit.sh'), 'utf8')).toBe('#!/bin/sh\necho lint\n');
    }, (root) => chmodSync(path.join(root, 'scripts/pre-commit.sh'), 0o755));
  });

  test('the block goes before a trailing exec (after it, it would never run)', async () => {
    await withRepo({}, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      writeFileSync(hook, '#!/bin/sh\nnpm run lint\nexec npx lint-staged\n', { mode: 0o755 });
      await runFaultCli(['hook', 'install', '--root', root]);
      expect(readFileSync(hook, 'utf8')).toMatch(/^#!\/bin\/sh\nnpm run lint\n# >>> orch-guard pre-commit >>>\n.*\n# <<< orch-guard pre-commit <<<\nexec npx lint-staged\n$/);
    });
  });

  test('husky without core.hooksPath: a warning; and no absolute machine path in .husky/pre-commit or lefthook.yml', async () => {
    await withRepo({ '.husky/pre-commit': 'npm test\n' }, async (root) => {
      const result = await runFaultCli(['hook', 'install', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain("orch-guard: warning: .husky/ exists but git's core.hooksPath is not set, so git does not run .husky/pre-commit");
      const content = readFileSync(path.join(root, '.husky/pre-commit'), 'utf8');
      expect(content).toBe('npm test\n# >>> orch-guard pre-commit >>>\nnpx --no-install orch-guard validate --staged || exit 1\n# <<< orch-guard pre-commit <<<\n');
      git(root, 'config', 'core.hooksPath', '.husky/_');
      expect((await runFaultCli(['hook', 'install', '--root', root])).stderr).not.toContain('core.hooksPath');
    });
    await withRepo({ 'lefthook.yml': 'pre-push:\n  commands:\n    test:\n      run: npm test' }, async (root) => {
      await runFaultCli(['hook', 'install', '--root', root]);
      const content = readFileSync(path.join(root, 'lefthook.yml'), 'utf8');
      expect(content).not.toContain(process.execPath);
      expect(content).toContain('run: npx --no-install orch-guard validate --staged');
      await runFaultCli(['hook', 'uninstall', '--root', root]);
      expect(readFileSync(path.join(root, 'lefthook.yml'), 'utf8')).toBe('pre-push:\n  commands:\n    test:\n      run: npm test');
    });
  });
});

