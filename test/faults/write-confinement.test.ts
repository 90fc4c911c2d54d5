import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { git } from '../support/git-repo.js';
import { runFaultCli, snapshotTree, withFaultProject } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { used } from './lib.js';\nconsole.log(used());\n",
  'src/lib.js': 'export function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n',
  'src/old/dead.js': 'export const dead = 1;\n',
};

describe.concurrent('what orch-guard writes stays in the root and keeps every byte', () => {
  test('cleanup --undo does not write through a folder that a symlink now leads outside the root', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'orch-guard-outside-'));
    try {
      await withFaultProject(PROJECT, async (root) => {
        expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
        expect(existsSync(path.join(root, 'src/old/dead.js'))).toBe(false);
        // The emptied folder becomes a symlink to somewhere else on the machine.
        rmdirSync(path.join(root, 'src/old'));
        symlinkSync(outside, path.join(root, 'src/old'));
        const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
        expect(undo.stdout).toContain(`not restored: src/old/dead.js (it now leads outside the root (${path.join(outside, 'dead.js')}))`);
        expect(undo.exitCode).toBe(1);
        expect(readdirSync(outside)).toEqual([]);
        expect(readFileSync(path.join(root, 'src/lib.js'), 'utf8')).toBe(PROJECT['src/lib.js']);
      }, { git: true });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  // Only root can give a file to another user, so only root can check that cleanup keeps the owner.
  test.skipIf(process.getuid?.() !== 0)('cleanup --fix run by root keeps the owner and group of a file it edits', async () => {
    await withFaultProject(PROJECT, async (root) => {
      chownSync(path.join(root, 'src/lib.js'), 1234, 5678);
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      const stat = statSync(path.join(root, 'src/lib.js'));
      expect([stat.uid, stat.gid]).toEqual([1234, 5678]);
      expect(readFileSync(path.join(root, 'src/lib.js'), 'utf8')).toBe('export function used() {\n  return 1;\n}\n');
    }, { git: true });
  });

  test('a file that is not UTF-8 is never edited (it was read as Latin-1): left byte for byte, and the notice says why', async () => {
    const latin1 = Buffer.from('// caf\xe9\nexport function used() {\n  return 1;\n}\n\nexport function unused() {\n  return 2;\n}\n', 'latin1');
    await withFaultProject(PROJECT, async (root) => {
      writeFileSync(path.join(root, 'src/lib.js'), latin1);
      const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--allow-dirty', '--root', root]);
      expect(fixed.stderr).toContain('orch-guard: cleanup --fix: skipped src/lib.js: not valid UTF-8, so it is not edited\n');
      expect(fixed.exitCode).toBe(0);
      expect(readFileSync(path.join(root, 'src/lib.js')).equals(latin1)).toBe(true);
    }, { git: true });
  });

  test('a file whose name is 240 characters long is edited and restored (its temporary file name stays under 255 bytes)', async () => {
    const name = `src/${'x'.repeat(237)}.js`;
    const files = { ...PROJECT, [name]: PROJECT['src/lib.js'], 'src/index.js': `import { used } from './lib.js';\nimport { used as again } from './${path.basename(name)}';\nconsole.log(used(), again());\n` };
    await withFaultProject(files, async (root) => {
      const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.stderr).toBe('');
      expect(fixed.exitCode).toBe(0);
      expect(readFileSync(path.join(root, name), 'utf8')).toBe('export function used() {\n  return 1;\n}\n');
      expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
      expect(readFileSync(path.join(root, name), 'utf8')).toBe(PROJECT['src/lib.js']);
    }, { git: true });
  });

  test('hook install and uninstall refuse a hook that is not UTF-8, byte-identical (its Latin-1 bytes became U+FFFD)', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const hook = path.join(root, '.git/hooks/pre-commit');
      const latin1 = Buffer.from('#!/bin/sh\n# r\xe9sum\xe9\nnpm run lint\n', 'latin1');
      const refusal = (command: string) => new RegExp(`^orch-guard: hook ${command}: .*pre-commit is not valid UTF-8, so orch-guard will not rewrite it \\(its other bytes would change\\); .* yourself\\n$`);
      writeFileSync(hook, latin1);
      chmodSync(hook, 0o755);
      const install = await runFaultCli(['hook', 'install', '--root', root]);
      expect(install.stderr).toMatch(refusal('install'));
      expect(install.exitCode).toBe(2);
      expect(readFileSync(hook).equals(latin1)).toBe(true);
      // Nothing of orch-guard's in it: nothing to uninstall.
      expect((await runFaultCli(['hook', 'uninstall', '--root', root])).exitCode).toBe(0);
      expect(readFileSync(hook).equals(latin1)).toBe(true);
      // The user wrote Latin-1 into a hook that has the block: uninstall refuses too.
      const withBlock = Buffer.concat([latin1, Buffer.from('# >>> orch-guard pre-commit >>>\norch-guard validate --staged || exit 1\n# <<< orch-guard pre-commit <<<\n')]);
      writeFileSync(hook, withBlock);
      const uninstall = await runFaultCli(['hook', 'uninstall', '--root', root]);
      expect(uninstall.stderr).toMatch(refusal('uninstall'));
      expect(uninstall.exitCode).toBe(2);
      expect(readFileSync(hook).equals(withBlock)).toBe(true);
    }, { git: true });
  });

  test('hook install refuses a core.hooksPath outside the repository (other repositories share it); init says so and goes on', async () => {
    const shared = mkdtempSync(path.join(tmpdir(), 'orch-guard-shared-hooks-'));
    try {
      await withFaultProject(PROJECT, async (root) => {
        git(root, 'config', 'core.hooksPath', shared);
        const result = await runFaultCli(['hook', 'install', '--root', root]);
        expect(result.stderr).toBe(`orch-guard: hook install: git's hooks folder (core.hooksPath) is ${shared}, outside this repository, so other repositories use it too; orch-guard will not edit it. Add \`orch-guard validate --staged\` to ${path.join(shared, 'pre-commit')} yourself\n`);
        expect(result.exitCode).toBe(2);
        const init = await runFaultCli(['init', '--hook', '--no-ci', '--root', root]);
        expect(init.stderr).toContain('orch-guard: init: no pre-commit hook was installed: hook install: git\'s hooks folder (core.hooksPath)');
        expect(init.exitCode).toBe(0);
        expect(readdirSync(shared)).toEqual([]);
      }, { git: true });
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  test('init and hook install do not write through a .gitignore or a husky hook that a symlink leads outside the root', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'orch-guard-outside-'));
    try {
      writeFileSync(path.join(outside, 'gitignore'), 'shared\n');
      writeFileSync(path.join(outside, 'pre-commit'), 'npx lint-staged\n');
      await withFaultProject(PROJECT, async (root) => {
        symlinkSync(path.join(outside, 'gitignore'), path.join(root, '.gitignore'));
        const init = await runFaultCli(['init', '--no-hook', '--no-ci', '--root', root]);
        expect(init.stderr).toBe(`orch-guard: init: .gitignore leads outside the project (${realpathSync(path.join(outside, 'gitignore'))}); orch-guard will not write it\n`);
        expect(init.exitCode).toBe(2);
        mkdirSync(path.join(root, '.husky'));
        symlinkSync(path.join(outside, 'pre-commit'), path.join(root, '.husky/pre-commit'));
        git(root, 'config', 'core.hooksPath', '.husky');
        const hook = await runFaultCli(['hook', 'install', '--root', root]);
        expect(hook.stderr).toContain('leads outside this repository (a symlink); orch-guard will not edit it');
        expect(hook.exitCode).toBe(2);
        expect(readFileSync(path.join(outside, 'gitignore'), 'utf8')).toBe('shared\n');
        expect(readFileSync(path.join(outside, 'pre-commit'), 'utf8')).toBe('npx lint-staged\n');
      }, { git: true });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('init appends .orch-guard/ to a .gitignore byte for byte: Latin-1 bytes and CRLF line breaks kept', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const ignore = Buffer.from('dist\r\n# caf\xe9\r\nnode_modules', 'latin1');
      writeFileSync(path.join(root, '.gitignore'), ignore);
      const result = await runFaultCli(['init', '--no-hook', '--no-ci', '--root', root]);
      expect(result.exitCode).toBe(0);
      expect(readFileSync(path.join(root, '.gitignore')).equals(Buffer.concat([ignore, Buffer.from('\r\n.orch-guard/\r\n')]))).toBe(true);
    });
  });

  test('init --force keeps every config it replaces as <file>.bak, byte for byte; the project has one config after', async () => {
    await withFaultProject({ ...PROJECT, 'orch.config.js': 'export default { ignore: ["legacy/**"] };', 'orch.config.json': '{ "ignore": [] }\n' }, async (root) => {
      const result = await runFaultCli(['init', '--force', '--no-hook', '--no-ci', '--root', root]);
      expect(result.stdout).toContain('orch.config.js: moved to orch.config.js.bak\norch.config.json: moved to orch.config.json.bak\norch.config.ts: written\n');
      expect(result.exitCode).toBe(0);
      expect(readFileSync(path.join(root, 'orch.config.js.bak'), 'utf8')).toBe('export default { ignore: ["legacy/**"] };');
      expect(readFileSync(path.join(root, 'orch.config.json.bak'), 'utf8')).toBe('{ "ignore": [] }\n');
      expect((await runFaultCli(['validate', '--root', root])).stderr).not.toContain('config files');
    });
  });

  test('cleanup --fix never deletes a file reached through a symlinked folder leading outside the root; the rest is cleaned', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'orch-guard-outside-'));
    try {
      mkdirSync(path.join(outside, 'old'));
      writeFileSync(path.join(outside, 'old/dead.js'), 'export const dead = 1;\n');
      await withFaultProject({ ...PROJECT, 'src/old/dead.js': '' }, async (root) => {
        rmSync(path.join(root, 'src/old'), { recursive: true });
        symlinkSync(path.join(outside, 'old'), path.join(root, 'src/old'));
        const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--allow-dirty', '--root', root]);
        expect(fixed.stdout).toContain(`src/old/dead.js (unused-file): the file is a symlink to ${path.relative(realpathSync(root), path.join(realpathSync(outside), 'old/dead.js'))}`);
        expect(fixed.exitCode).toBe(0);
        expect(readFileSync(path.join(outside, 'old/dead.js'), 'utf8')).toBe('export const dead = 1;\n');
        expect(lstatSync(path.join(root, 'src/old')).isSymbolicLink()).toBe(true);
        expect(readFileSync(path.join(root, 'src/lib.js'), 'utf8')).toBe('export function used() {\n  return 1;\n}\n');
      }, { git: true });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
