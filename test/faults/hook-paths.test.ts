import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withGitRepo } from '../support/git-repo.js';
import { runFaultCli } from './fault-cli.js';

const PROJECT = { 'package.json': '{ "name": "app", "main": "src/index.js" }\n', 'src/index.js': 'export const main = 1;\n' };
const FIX = 'Add `orch-guard validate --staged` to your pre-commit hook yourself';

/** A folder outside the repository (removed after `work`). */
async function withOutside(work: (outside: string) => Promise<void>): Promise<void> {
  const outside = mkdtempSync(path.join(tmpdir(), 'orch-guard-hooks-outside-'));
  try {
    await work(outside);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
}

describe.concurrent('hook install on odd hook paths: one line, exit 2, nothing replaced or written outside', () => {
  test('.git/hooks is a file: refused, the file byte-identical (it was an internal error, ENOTDIR)', async () => {
    await withGitRepo(PROJECT, async (root) => {
      const hooks = path.join(root, '.git/hooks');
      rmSync(hooks, { recursive: true });
      writeFileSync(hooks, 'not a folder');
      const result = await runFaultCli(['hook', 'install', '--root', root]);
      expect(result.stderr).toBe(`orch-guard: hook install: ${hooks} is a file, not a folder, so the hook ${hooks}/pre-commit cannot be written; orch-guard will not replace it. ${FIX}\n`);
      expect(result.exitCode).toBe(2);
      expect(readFileSync(hooks, 'utf8')).toBe('not a folder');
    });
  });

  test('.git/hooks/pre-commit is a folder: refused, left as it is (it was an internal error, EISDIR)', async () => {
    await withGitRepo(PROJECT, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      mkdirSync(hook, { recursive: true });
      const result = await runFaultCli(['hook', 'install', '--root', root]);
      expect(result.stderr).toBe(`orch-guard: hook install: ${hook} is a directory, not a hook file; orch-guard will not replace it. ${FIX}\n`);
      expect(result.exitCode).toBe(2);
      expect(readdirSync(hook)).toEqual([]);
    });
  });

  test('.git/hooks a symlink to a folder outside, or to one that does not exist there: refused, nothing created outside', async () => {
    await withOutside(async (outside) => {
      await withGitRepo(PROJECT, async (root) => {
        const hooks = path.join(root, '.git/hooks');
        for (const target of [outside, path.join(outside, 'missing')]) {
          rmSync(hooks, { recursive: true, force: true });
          symlinkSync(target, hooks);
          const result = await runFaultCli(['hook', 'install', '--root', root]);
          expect(result.stderr).toContain(`hook install: git's hooks folder (core.hooksPath) is ${hooks} (a symlink to ${target}), outside this repository`);
          expect(result.exitCode).toBe(2);
          expect(readdirSync(outside)).toEqual([]);
        }
      });
    });
  });

  test('a dangling hook symlink leading outside: refused, the link kept (it was replaced by a file)', async () => {
    await withOutside(async (outside) => {
      await withGitRepo(PROJECT, async (root) => {
        const hook = path.join(root, '.git/hooks/pre-commit');
        symlinkSync(path.join(outside, 'missing/pre-commit'), hook);
        const result = await runFaultCli(['hook', 'install', '--root', root]);
        expect(result.stderr).toContain(`hook install: ${hook} leads outside this repository (a symlink)`);
        expect(result.exitCode).toBe(2);
        expect(readlinkSync(hook)).toBe(path.join(outside, 'missing/pre-commit'));
        expect(readdirSync(outside)).toEqual([]);
      });
    });
  });

  test('a dangling hook symlink inside the repository: the hook is written where it leads; uninstall removes that file, the link stays', async () => {
    await withGitRepo(PROJECT, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      symlinkSync('../../scripts/pre-commit', hook);
      const installed = await runFaultCli(['hook', 'install', '--root', root]);
      expect(installed.exitCode).toBe(0);
      expect(lstatSync(hook).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(root, 'scripts/pre-commit'), 'utf8')).toContain('validate --staged || exit 1');
      const uninstalled = await runFaultCli(['hook', 'uninstall', '--root', root]);
      expect(uninstalled.exitCode).toBe(0);
      expect(readlinkSync(hook)).toBe('../../scripts/pre-commit');
      expect(existsSync(path.join(root, 'scripts/pre-commit'))).toBe(false);
    });
  });
});
