import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runFaultCli, snapshotTree, withFaultProject } from './fault-cli.js';

// An atomic write renames a new file into place: a file with other hard links would be split
// from them silently (they keep the old content). orch-guard leaves such a file alone, says
// why in one line, and keeps the links as they were.

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { a } from './a.js';\nconsole.log(a);\n",
  'src/a.js': 'export const a = 1;\nexport const b = 2;\n',
  'src/dead.js': 'export const dead = 1;\n',
  'src/other-dead.js': 'export const otherDead = 1;\n',
};

/** A second name for `file`, outside the project (beside it, on the same disk), removed with it. */
function hardLink(root: string, file: string): string {
  const other = `${root}-${path.basename(file)}`;
  linkSync(path.join(root, file), other);
  return other;
}

const inode = (file: string) => statSync(file).ino;

describe.concurrent('files with hard links are never split from them', () => {
  test('cleanup --fix keeps the removals in hard-linked files (edit or delete), and cleans the rest', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const links = [hardLink(root, 'src/a.js'), hardLink(root, 'src/dead.js')];
      try {
        const fixed = await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root]);
        expect(fixed.stdout).toContain('  src/a.js#b (unused-export): the file has 2 hard links: cleanup writes a file by replacing it (and an undo brings back a copy), which would break them\n');
        expect(fixed.stdout).toContain('  src/dead.js (unused-file): the file has 2 hard links: cleanup writes a file by replacing it (and an undo brings back a copy), which would break them\n');
        expect(fixed.exitCode).toBe(0);
        expect(Object.keys(snapshotTree(root))).not.toContain('src/other-dead.js');
        expect(inode(path.join(root, 'src/a.js'))).toBe(inode(links[0]));
        expect(inode(path.join(root, 'src/dead.js'))).toBe(inode(links[1]));
        expect(readFileSync(links[0], 'utf8')).toBe(PROJECT['src/a.js']);
      } finally {
        for (const link of links) rmSync(link, { force: true });
      }
    }, { git: true });
  });

  test('cleanup --undo refuses a file hard-linked since the cleanup (named, exit 1), restores the others, and finishes once the link is gone', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = snapshotTree(root);
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      const link = hardLink(root, 'src/a.js');
      try {
        const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
        expect(undo.stdout).toContain('  not restored: src/a.js (it has 2 hard links now, which restoring it would break)\n');
        expect(undo.exitCode).toBe(1);
        expect(readFileSync(path.join(root, 'src/dead.js'), 'utf8')).toBe(PROJECT['src/dead.js']);
        expect(inode(path.join(root, 'src/a.js'))).toBe(inode(link));
        rmSync(link);
        expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
        expect(snapshotTree(root)).toEqual(before);
      } finally {
        rmSync(link, { force: true });
      }
    }, { git: true });
  });

  test('baseline save and hook install refuse a hard-linked file in one line, and leave both links as they were', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const baseline = path.join(root, 'orch-guard-baseline.json');
      writeFileSync(baseline, '{ "version": 1, "tool": "orch-guard", "findings": [] }\n');
      const hook = path.join(root, '.git/hooks/pre-commit');
      writeFileSync(hook, '#!/bin/sh\nnpm test\n', { mode: 0o755 });
      const links = [hardLink(root, 'orch-guard-baseline.json'), hardLink(root, '.git/hooks/pre-commit')];
      try {
        const saved = await runFaultCli(['baseline', 'save', '--root', root]);
        expect(saved.stderr).toBe(`orch-guard: ${baseline} has 2 hard links: orch-guard writes a file by replacing it, which would leave the other link with the old content; it was left as it is\n`);
        expect(saved.exitCode).toBe(2);
        const installed = await runFaultCli(['hook', 'install', '--root', root]);
        expect(installed.stderr).toBe(`orch-guard: ${hook} has 2 hard links: orch-guard writes a file by replacing it, which would leave the other link with the old content; it was left as it is\n`);
        expect(installed.exitCode).toBe(2);
        expect([inode(baseline), inode(hook)]).toEqual(links.map(inode));
        expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nnpm test\n');
      } finally {
        for (const link of links) rmSync(link, { force: true });
      }
    }, { git: true });
  });
});
