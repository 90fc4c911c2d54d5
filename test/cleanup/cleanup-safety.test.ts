import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTree } from '../support/file-tree.js';
import { commitAll, withGitRepo } from '../support/git-repo.js';
import { removeTemp, runCli } from '../support/run-cli.js';
import { withTempProject } from '../support/temp-project.js';

const project = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }',
  'src/index.js': "import { used } from './lib.js';\nconsole.log(used());\n",
  'src/lib.js': 'export function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n',
  'src/dead.js': 'export const dead = 1;\n',
};

const withRepo = (files: Record<string, string>, work: (root: string) => Promise<void>) => withGitRepo({ ...project, ...files }, work);

describe.concurrent('cleanup --fix refuses what it must not touch, and leaves no trace when it refuses', () => {
  test('uncommitted changes in a file it would edit: refused unless --allow-dirty', async () => {
    await withRepo({}, async (root) => {
      appendFileSync(path.join(root, 'src/lib.js'), '// work in progress\n');
      const before = readTree(root);
      const refused = await runCli(['cleanup', '--fix', '--root', root]);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toBe('orch-guard: cleanup --fix: src/lib.js has uncommitted changes; commit or stash them first, or pass --allow-dirty\n');
      expect(readTree(root)).toEqual(before);
      const allowed = await runCli(['cleanup', '--fix', '--unverified', '--allow-dirty', '--root', root]);
      expect(allowed.exitCode).toBe(0);
      expect(existsSync(path.join(root, 'src/dead.js'))).toBe(false);
    });
  });

  test('a file not tracked by git is refused', async () => {
    await withRepo({}, async (root) => {
      writeFileSync(path.join(root, 'src/new-dead.js'), 'export const fresh = 1;\n');
      const result = await runCli(['cleanup', '--fix', '--root', root]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe('orch-guard: cleanup --fix: src/new-dead.js is not tracked by git; commit or add it first, or pass --allow-dirty\n');
      expect(existsSync(path.join(root, 'src/new-dead.js'))).toBe(true);
    });
  });

  test('outside git, --no-git is required', async () => {
    await withTempProject(project, async (root) => {
      const refused = await runCli(['cleanup', '--fix', '--root', root]);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toBe(`orch-guard: cleanup --fix: ${root} is not in a git repository; pass --no-git to edit anyway (every change is recorded for --undo)\n`);
      const done = await runCli(['cleanup', '--fix', '--unverified', '--no-git', '--root', root]);
      expect(done.exitCode).toBe(0);
      expect(readFileSync(path.join(root, 'src/lib.js'), 'utf8')).toBe('export function used() {\n  return 1;\n}\n');
    });
  });

  test('a symlink that leads outside the root is refused', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'orch-guard-outside-'));
    writeFileSync(path.join(outside, 'shared.js'), 'export const shared = 1;\n');
    try {
      await withRepo({}, async (root) => {
        symlinkSync(path.join(outside, 'shared.js'), path.join(root, 'src/shared.js'));
        commitAll(root, 'adds a symlink');
        const result = await runCli(['cleanup', '--fix', '--root', root]);
        expect(result.exitCode).toBe(2);
        expect(result.stderr).toMatch(/^orch-guard: cleanup --fix: refuses to edit src\/shared\.js: it leads outside the root \(.*shared\.js\)\n$/);
        expect(readFileSync(path.join(outside, 'shared.js'), 'utf8')).toBe('export const shared = 1;\n');
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('verification that fails before any edit: nothing is changed unless --force', async () => {
    await withRepo({ 'orch.config.json': '{ "cleanup": { "verify": ["node -e \\"process.exit(3)\\""] } }' }, async (root) => {
      const before = readTree(root);
      const refused = await runCli(['cleanup', '--fix', '--root', root]);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toBe('orch-guard: cleanup --fix: verification fails before any edit (`node -e "process.exit(3)"`); no file was changed. Fix it first, or pass --force (removals are then not verified)\n');
      expect(readTree(root)).toEqual(before);
      const forced = await runCli(['cleanup', '--fix', '--force', '--root', root]);
      expect(forced.exitCode).toBe(0);
      expect(forced.stderr).toContain('verification failed before the cleanup, so the removals were not verified');
    });
  });

  test('a file changed between analysis and edit is skipped and reported', async () => {
    const touch = "node -e \\\"const fs=require('fs');const f='src/lib.js';if(!fs.readFileSync(f,'utf8').includes('touched'))fs.appendFileSync(f,'// touched\\\\n')\\\"";
    await withRepo({ 'orch.config.json': `{ "cleanup": { "verify": ["${touch}"] } }` }, async (root) => {
      const result = await runCli(['cleanup', '--fix', '--root', root, '--reporter', 'json']);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain('cleanup --fix: skipped src/lib.js: changed since it was analysed');
      const output = JSON.parse(result.stdout);
      expect(output.items.map((item: { file: string }) => item.file)).toEqual(['src/dead.js']);
      expect(output.kept).toEqual([{ action: 'remove-declaration', file: 'src/lib.js', name: 'unused', rule: 'unused-export', reason: 'the file changed after it was analysed' }]);
      expect(readFileSync(path.join(root, 'src/lib.js'), 'utf8')).toContain('export function unused()');
    });
  });

  test('undo refuses a file changed after the cleanup and restores the others exactly', async () => {
    await withRepo({}, async (root) => {
      const before = readTree(root);
      const fixed = await runCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.exitCode).toBe(0);
      appendFileSync(path.join(root, 'src/lib.js'), '// edited later\n');
      const undo = await runCli(['cleanup', '--undo', '--root', root]);
      expect(undo.exitCode).toBe(1);
      expect(undo.stdout).toBe('Undid cleanup #1: 1 file restored\n  not restored: src/lib.js (it changed after the cleanup)\n');
      expect(readFileSync(path.join(root, 'src/dead.js'), 'utf8')).toBe(before['src/dead.js']);
      expect(undo.stderr).toContain('once they hold what the cleanup left again, `orch-guard cleanup --undo 1` restores them');
      // Still edited: refused again. Edit reverted: the rest of the cleanup is undone (it was refused for good).
      const again = await runCli(['cleanup', '--undo', '1', '--root', root]);
      expect(again.stdout).toBe('Undid cleanup #1: 0 files restored\n  not restored: src/lib.js (it changed after the cleanup)\n');
      expect(again.exitCode).toBe(1);
      const lib = readFileSync(path.join(root, 'src/lib.js'), 'utf8');
      writeFileSync(path.join(root, 'src/lib.js'), lib.replace('// edited later\n', ''));
      const last = await runCli(['cleanup', '--undo', '--root', root]);
      expect(last.stdout).toBe('Undid cleanup #1: 1 file restored\n');
      expect(last.exitCode).toBe(0);
      expect(readTree(root)).toEqual(before);
      expect((await runCli(['cleanup', '--undo', '1', '--root', root])).stderr).toBe('orch-guard: cleanup --undo 1: that cleanup was already undone\n');
    });
  });
});

describe('cleanup --fix and the baseline', () => {
  test('baselined findings are kept, also in the rounds after the first removals', async () => {
    await withRepo({}, async (root) => {
      // Accept today's dead code (src/dead.js, lib.js#unused), then add new dead code whose
      // removal takes a second round (legacy.js is dead only once stale.js is gone).
      const saved = await runCli(['baseline', 'save', '--root', root]);
      expect(saved.exitCode).toBe(0);
      writeFileSync(path.join(root, 'src/stale.js'), "import { legacy } from './legacy.js';\nexport const stale = legacy + 1;\n");
      writeFileSync(path.join(root, 'src/legacy.js'), 'export const legacy = 1;\n');
      commitAll(root, 'new dead code');
      const before = readTree(root);
      const fixed = await runCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.stderr).toBe('');
      expect(fixed.exitCode).toBe(0);
      const after = readTree(root);
      expect(after['src/stale.js']).toBeUndefined();
      expect(after['src/legacy.js']).toBeUndefined();
      expect(after['src/dead.js']).toBe(before['src/dead.js']);
      expect(after['src/lib.js']).toBe(before['src/lib.js']);
    });
  });
});
