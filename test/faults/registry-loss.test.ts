import { closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { runFaultCli, snapshotTree, withFaultProject } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { a } from './a.js';\nconsole.log(a);\n",
  'src/a.js': '\uFEFFexport const a = 1;\r\nexport const b = 2;',
  'src/dead.js': 'export const dead = 1;\n',
};

const registry = (root: string) => path.join(root, '.orch-guard/registry.db');
const logs = (root: string) => path.join(root, '.orch-guard/registry.db-cleanups');

/** Applies a cleanup (removing src/dead.js and the export b) and returns the tree before it. */
async function cleaned(root: string): Promise<Record<string, string>> {
  const before = snapshotTree(root);
  expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
  expect(existsSync(path.join(root, 'src/dead.js'))).toBe(false);
  expect(readdirSync(logs(root))).toHaveLength(1);
  return before;
}

function removeRegistry(root: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(registry(root) + suffix, { force: true });
}

describe.concurrent('the bytes a cleanup removed outlive the registry', () => {
  test('registry deleted after the cleanup: --undo restores every byte from the log beside it, which then goes', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = await cleaned(root);
      removeRegistry(root);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.stderr).toBe('orch-guard: cleanup #1: the registry had lost it (deleted, or rebuilt); recovered from its log beside the registry, so it can still be rolled back or undone\n');
      expect(undo.stdout).toBe('Undid cleanup #1: 2 files restored\n');
      expect(undo.exitCode).toBe(0);
      expect(snapshotTree(root)).toEqual(before);
      expect(readdirSync(logs(root))).toEqual([]);
    }, { git: true });
  });

  test('registry header overwritten: rebuilt, moved aside, and --undo still restores every byte', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = await cleaned(root);
      const fd = openSync(registry(root), 'r+');
      writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
      closeSync(fd);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.stderr).toMatch(/registry registry\.db is corrupt: rebuilt; the old file, which may hold cleanup undo records, is kept as .*registry\.db\.unusable-\S+ \(its cleanup records could not be read\)\n.*cleanup #1: the registry had lost it/);
      expect(undo.exitCode).toBe(0);
      expect(snapshotTree(root)).toEqual(before);
    }, { git: true });
  });

  test('registry replaced by another project\'s: the cleanup is found by its log, and undone', async () => {
    await withFaultProject(PROJECT, async (other) => {
      expect((await runFaultCli(['validate', '--root', other])).exitCode).toBe(1);
      await withFaultProject(PROJECT, async (root) => {
        const before = await cleaned(root);
        removeRegistry(root);
        cpSync(registry(other), registry(root));
        expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
        expect(snapshotTree(root)).toEqual(before);
      }, { git: true });
    });
  });

  test('a registry that lost the cleanup but matches the tree: a warm query (read-only otherwise) recovers the cleanup from its log first', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = await cleaned(root);
      // The first query analyses and stores the graph; the next one reads it, read-only.
      await runFaultCli(['registry', 'find', 'a', '--root', root]);
      const database = new Database(registry(root));
      database.exec('DELETE FROM cleanup_files; DELETE FROM cleanups;');
      database.close();
      const query = await runFaultCli(['registry', 'find', 'a', '--root', root]);
      expect(query.stderr).toContain('cleanup #1: the registry had lost it (deleted, or rebuilt); recovered from its log beside the registry');
      expect((await runFaultCli(['cleanup', '--undo', '--root', root])).exitCode).toBe(0);
      expect(snapshotTree(root)).toEqual(before);
    }, { git: true });
  });

  test('registry deleted and the log damaged too: --undo refuses in one line; files and log stay as they are', async () => {
    await withFaultProject(PROJECT, async (root) => {
      await cleaned(root);
      const after = snapshotTree(root);
      removeRegistry(root);
      const [name] = readdirSync(logs(root));
      const log = path.join(logs(root), name);
      writeFileSync(log, readFileSync(log, 'utf8').replace('"begin"', '"begun"'));
      const damaged = readFileSync(log);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.stderr).toBe(`orch-guard: cleanup --undo: no applied cleanup to undo (cleanup log ${log} is damaged (its saved files cannot be read): it is kept as it is, and no file was restored from it)\n`);
      expect(undo.exitCode).toBe(2);
      expect(snapshotTree(root)).toEqual(after);
      expect(readFileSync(log)).toEqual(damaged);
    }, { git: true });
  });
});
