import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { commitAll, initGitRepo } from '../support/git-repo.js';
import { writeProjectFiles } from '../support/temp-project.js';
import { runFaultCli, snapshotTree } from './fault-cli.js';
import { fillDisk, mountSmallDisk, unmountSmallDisk } from './small-disk.js';

const disk = mountSmallDisk();
afterAll(() => unmountSmallDisk(disk));

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { a } from './a.js';\nconsole.log(a);\n",
  'src/a.js': 'export const a = 1;\nexport const b = 2;\n',
  // Restored after src/a.js (in path order), and too big for the room left.
  'src/big-dead.js': `export const big = '${'x'.repeat(400_000)}';\n`,
};

describe.skipIf(disk === undefined)('a full disk during cleanup --undo', () => {
  test('one line: stopped part-way, the disk is full, run it again; with room again, --undo restores every byte', async () => {
    const root = path.join(disk as string, 'project');
    const registryDir = mkdtempSync(path.join(tmpdir(), 'orch-guard-registry-'));
    const filler = path.join(disk as string, 'filler');
    const files = { ...PROJECT, 'orch.config.json': JSON.stringify({ registry: path.join(registryDir, 'registry.db') }) };
    try {
      writeProjectFiles(root, files);
      initGitRepo(root);
      commitAll(root, 'initial');
      const before = snapshotTree(root);
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      fillDisk(disk as string, filler, 100);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.stderr).toBe('orch-guard: cleanup --undo 1: stopped part-way (the disk is full: ENOSPC: no space left on device, write); the files not restored yet keep their content before the cleanup in the registry: run `orch-guard cleanup --undo 1` again once that is fixed\n');
      expect(undo.exitCode).toBe(2);
      expect(readdirSync(path.join(root, 'src')).sort()).toEqual(['a.js', 'index.js']);
      rmSync(filler);
      const again = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(again.stdout).toBe('Undid cleanup #1: 1 file restored\n');
      expect(again.exitCode).toBe(0);
      expect(snapshotTree(root)).toEqual(before);
    } finally {
      rmSync(filler, { force: true });
      rmSync(root, { recursive: true, force: true });
      rmSync(registryDir, { recursive: true, force: true });
    }
  }, 120_000);
});
