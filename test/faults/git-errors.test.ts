import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, git, withGitRepo } from '../support/git-repo.js';
import { runFaultCli } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "main": "src/index.ts" }\n',
  'src/index.ts': "import { a } from './a';\nconsole.log(a);\n",
  'src/a.ts': 'export const a = 1;\n',
};

describe.concurrent('git errors fail the gate, they never pass it', () => {
  test('a corrupt index: validate --staged exits 2 with git\'s message (not "0 files checked")', async () => {
    await withGitRepo(PROJECT, async (root) => {
      writeFileSync(path.join(root, 'src/dead.ts'), 'export const dead = 1;\n');
      git(root, 'add', 'src/dead.ts');
      writeFileSync(path.join(root, '.git/index'), 'garbage\n');
      const staged = await runFaultCli(['validate', '--staged', '--root', root]);
      expect(staged.stderr).toBe('orch-guard: --staged: `git ls-files -s` failed: fatal: .git/index: index file smaller than expected\n');
      expect(staged.exitCode).toBe(2);
      const plain = await runFaultCli(['validate', '--root', root]);
      expect(plain.stderr).toBe("orch-guard: cannot list the project's files: `git ls-files` failed: fatal: .git/index: index file smaller than expected\n");
      expect(plain.exitCode).toBe(2);
    });
  });

  test('no merge base (unrelated histories): --changed-since exits 2, never falls back to the ref itself', async () => {
    await withGitRepo(PROJECT, async (root) => {
      git(root, 'checkout', '-q', '--orphan', 'other');
      git(root, 'rm', '-rq', '--cached', '.');
      git(root, 'commit', '-q', '--allow-empty', '-m', 'unrelated');
      git(root, 'checkout', '-q', '-f', 'main');
      writeFileSync(path.join(root, 'src/dead.ts'), 'export const dead = 1;\n');
      const result = await runFaultCli(['validate', '--changed-since', 'other', '--root', root]);
      expect(result.stderr).toBe('orch-guard: --changed-since other: other and HEAD have no common ancestor (git merge-base found none)\n');
      expect(result.exitCode).toBe(2);
    });
  });

  test('a missing object in the base: report --base exits 2 naming it, never reports without it', async () => {
    await withGitRepo(PROJECT, async (root) => {
      writeFileSync(path.join(root, 'src/old.ts'), 'export const old = 1;\n');
      commitAll(root, 'old code');
      git(root, 'branch', 'base');
      const blob = git(root, 'rev-parse', 'HEAD:src/old.ts').trim();
      git(root, 'rm', '-q', 'src/old.ts');
      commitAll(root, 'removes old code');
      rmSync(path.join(root, '.git/objects', blob.slice(0, 2), blob.slice(2)));
      const result = await runFaultCli(['report', '--format', 'markdown', '--base', 'base', '--root', root]);
      expect(result.stderr).toBe(`orch-guard: --changed-since base: git object ${blob} is missing: the repository is damaged (try \`git fsck\`)\n`);
      expect(result.exitCode).toBe(2);
    });
  });
});
