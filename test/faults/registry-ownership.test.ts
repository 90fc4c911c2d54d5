import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { runFaultCli, snapshotTree, withFaultProject } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { used } from './lib.js';\nconsole.log(used());\n",
  'src/lib.js': 'export function used() {\n  return 1;\n}\n',
  'src/dead.js': 'export const dead = 1;\n',
};

/** Overwrites one page of a SQLite file with garbage, as a failing disk would. */
function damagePage(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const rootPage = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootPage - 1) * pageSize);
  closeSync(fd);
}

describe.concurrent('the registry never destroys a file orch-guard did not create', () => {
  test('registry: a text file of the user is refused, exit 2, byte-identical', async () => {
    await withFaultProject({ ...PROJECT, 'notes.txt': 'my notes\n', 'orch.config.json': '{ "registry": "notes.txt" }' }, async (root) => {
      const result = await runFaultCli(['validate', '--root', root]);
      expect(result.stderr).toBe(`orch-guard: registry ${root}/notes.txt: not a SQLite database, not a registry orch-guard created; orch-guard never rebuilds or deletes such a file. Point \`registry:\` in the config at a new file, or move this one away\n`);
      expect(result.exitCode).toBe(2);
      expect(readFileSync(path.join(root, 'notes.txt'), 'utf8')).toBe('my notes\n');
    });
  });

  test("registry: the user's own SQLite database is refused, exit 2, its tables and bytes untouched", async () => {
    await withFaultProject({ ...PROJECT, 'orch.config.json': '{ "registry": "app.sqlite" }' }, async (root) => {
      const db = new Database(path.join(root, 'app.sqlite'));
      db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');");
      db.close();
      const before = readFileSync(path.join(root, 'app.sqlite'));
      const result = await runFaultCli(['cleanup', '--root', root]);
      expect(result.stderr).toBe(`orch-guard: registry ${root}/app.sqlite: a SQLite database, not a registry orch-guard created; orch-guard never rebuilds or deletes such a file. Point \`registry:\` in the config at a new file, or move this one away\n`);
      expect(result.exitCode).toBe(2);
      expect(readFileSync(path.join(root, 'app.sqlite')).equals(before)).toBe(true);
    });
  });

  test('registry: an empty file and a directory are refused, exit 2', async () => {
    await withFaultProject({ ...PROJECT, 'empty.db': '', 'orch.config.json': '{ "registry": "empty.db" }' }, async (root) => {
      const empty = await runFaultCli(['validate', '--root', root]);
      expect(empty.stderr).toContain(`registry ${root}/empty.db: an empty file, not a registry orch-guard created`);
      expect(empty.exitCode).toBe(2);
      expect(readFileSync(path.join(root, 'empty.db'), 'utf8')).toBe('');
      writeFileSync(path.join(root, 'orch.config.json'), '{ "registry": "src" }');
      const directory = await runFaultCli(['validate', '--root', root]);
      expect(directory.stderr).toBe(`orch-guard: registry ${root}/src: is a directory; point \`registry:\` in the config at a file\n`);
      expect(directory.exitCode).toBe(2);
    });
  });

  test('a registry orch-guard created at a configured path is reused, not refused', async () => {
    await withFaultProject({ ...PROJECT, 'orch.config.json': '{ "registry": "cache/og.db" }' }, async (root) => {
      expect((await runFaultCli(['validate', '--root', root])).exitCode).toBe(1);
      const again = await runFaultCli(['validate', '--root', root]);
      expect(again.exitCode).toBe(1);
      expect(again.stderr).toBe('');
    });
  });

  test('a corrupt registry holding an applied cleanup is moved aside, and cleanup --undo still restores the files', async () => {
    await withFaultProject(PROJECT, async (root) => {
      const before = snapshotTree(root);
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      expect(existsSync(path.join(root, 'src/dead.js'))).toBe(false);
      damagePage(path.join(root, '.orch-guard/registry.db'), 'files');
      const next = await runFaultCli(['validate', '--root', root]);
      expect(next.stderr).toMatch(/registry registry\.db is corrupt: rebuilt; the old file, which may hold cleanup undo records, is kept as .*registry\.db\.unusable-\d{8}T\d{6}Z; its 1 cleanup record was carried over/);
      expect(next.exitCode).toBe(0);
      expect(readdirSync(path.join(root, '.orch-guard')).filter((name) => name.startsWith('registry.db.unusable-'))).toHaveLength(1);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.stdout).toBe('Undid cleanup #1: 1 file restored\n');
      expect(snapshotTree(root)).toEqual(before);
    }, { git: true });
  });

  test('a registry from a newer orch-guard that holds cleanup records is moved aside, not deleted', async () => {
    await withFaultProject(PROJECT, async (root) => {
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      const db = new Database(path.join(root, '.orch-guard/registry.db'));
      db.pragma('user_version = 99');
      db.close();
      const next = await runFaultCli(['validate', '--root', root]);
      expect(next.stderr).toContain('registry registry.db has schema v99, newer than this orch-guard');
      expect(next.stderr).toContain('is kept as');
      const aside = readdirSync(path.join(root, '.orch-guard')).filter((name) => name.startsWith('registry.db.unusable-'));
      expect(aside).toHaveLength(1);
      const kept = new Database(path.join(root, '.orch-guard', aside[0]), { readonly: true });
      expect(kept.prepare('SELECT count(*) FROM cleanups').pluck().get()).toBe(1);
      kept.close();
    }, { git: true });
  });
});
