import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runFaultCli, snapshotTree, withFaultProject } from './fault-cli.js';
import { runWithReadOnly } from './read-only.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { a } from './a.js';\nconsole.log(a);\n",
  'src/a.js': 'export const a = 1;\nexport const b = 2;\n',
  'src/dead.js': 'export const dead = 1;\n',
  'lib/dead-too.js': 'export const deadToo = 1;\n',
};

const why = process.getuid?.() === 0 ? 'it is on a read-only file system' : 'no permission to write it';

describe.concurrent('a folder that cannot be written: refused before the first write, nothing half done', () => {
  test('cleanup --fix: one line naming the folder, every file as it was (also those in writable folders)', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = snapshotTree(root);
      const fixed = runWithReadOnly(path.join(root, 'src'), ['cleanup', '--fix', '--unverified', '--root', root]);
      expect(fixed.stderr).toBe(`orch-guard: cleanup --fix: cannot write src/ (${why}); no file was changed\n`);
      expect(fixed.status).toBe(2);
      expect(snapshotTree(root)).toEqual(before);
    }, { git: true });
  });

  test('cleanup --undo: one line naming the folder, no file restored; once writable, --undo restores all', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = snapshotTree(root);
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      const cleaned = snapshotTree(root);
      expect(cleaned).not.toEqual(before);
      const undo = runWithReadOnly(path.join(root, 'src'), ['cleanup', '--undo', '--root', root]);
      expect(undo.stderr).toBe(`orch-guard: cleanup --undo 1: cannot write src/ (${why}); no file was restored\n`);
      expect(undo.status).toBe(2);
      expect(snapshotTree(root)).toEqual(cleaned);
      expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
      expect(snapshotTree(root)).toEqual(before);
    }, { git: true });
  });
});
