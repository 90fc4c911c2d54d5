import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { deferCheckpoint } from '../../src/registry/deferred-checkpoint.js';
import { commitAll, createGitRepo, git } from '../support/git-repo.js';
import { removeTemp, runCli } from '../support/run-cli.js';
import { writeTempProject } from '../support/temp-project.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) removeTemp(dirs.pop() as string);
});

const walSize = (file: string) => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size;

/** A WAL database with one committed row, the writer still open. */
function writtenDatabase(): { file: string; writer: Database.Database } {
  const dir = mkdtempSync(path.join(tmpdir(), 'og-wal-'));
  dirs.push(dir);
  const file = path.join(dir, 'registry.db');
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')");
  return { file, writer };
}

describe('deferCheckpoint: a run does not end with a checkpoint', () => {
  test('the writer closes without checkpointing; the log, and every commit in it, is there for the next connection', () => {
    const { file, writer } = writtenDatabase();
    const release = deferCheckpoint(file);
    writer.close();
    release();
    expect(walSize(file)).toBeGreaterThan(0);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT x FROM t').pluck().all()).toEqual(['kept']);
    reader.close();
  });

  test('without it the writer checkpoints and removes the log at its close', () => {
    const { file, writer } = writtenDatabase();
    writer.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  test('a file it cannot open costs only the saving: the release does nothing', () => {
    const release = deferCheckpoint(path.join(tmpdir(), 'og-no-such-dir', 'registry.db'));
    expect(() => release()).not.toThrow();
  });

  test('validate leaves the log; cleanup still ends with everything in the database file', async () => {
    const root = writeTempProject({
      'package.json': '{ "name": "p", "main": "src/index.js" }',
      'src/index.js': "import { a } from './a.js';\nexport const main = a;\n",
      'src/a.js': 'export const a = 1;\n',
      'src/dead.js': 'export const dead = 1;\n',
    });
    dirs.push(root);
    const registry = path.join(root, '.orch-guard/registry.db');
    expect((await runCli(['validate', '--root', root])).exitCode).toBe(1);
    expect(walSize(registry)).toBeGreaterThan(0);
    // The next run reads what the last one left in the log: its result is reused.
    writeFileSync(path.join(root, 'src/a.js'), 'export const a = 2;\n');
    const again = await runCli(['validate', '--root', root, '--reporter', 'json']);
    expect(again.exitCode).toBe(1);
    expect(JSON.parse(again.stdout).findings.map((finding: { file: string }) => finding.file)).toEqual(['src/dead.js']);
    expect((await runCli(['cleanup', '--fix', '--unverified', '--no-git', '--root', root])).exitCode).toBe(0);
    expect(existsSync(path.join(root, 'src/dead.js'))).toBe(false);
    expect(existsSync(`${registry}-wal`)).toBe(false);
  });

  test('the hook path (validate --staged) keeps the log too: its early open for rolling back cleanups does not checkpoint it', async () => {
    const root = createGitRepo({
      'package.json': '{ "name": "p", "main": "src/index.js" }',
      'src/index.js': "import { a } from './a.js';\nexport const main = a;\n",
      'src/a.js': 'export const a = 1;\n',
    });
    dirs.push(root);
    commitAll(root, 'initial');
    const registry = path.join(root, '.orch-guard/registry.db');
    expect((await runCli(['validate', '--root', root])).exitCode).toBe(0);
    const left = walSize(registry) ?? 0;
    expect(left).toBeGreaterThan(0);
    writeFileSync(path.join(root, 'src/extra.js'), 'export const extra = 1;\n');
    git(root, 'add', 'src/extra.js');
    const staged = await runCli(['validate', '--staged', '--root', root, '--reporter', 'json']);
    expect(staged.exitCode).toBe(1);
    expect(JSON.parse(staged.stdout).findings.map((finding: { file: string; introduced?: boolean }) => [finding.file, finding.introduced])).toEqual([['src/extra.js', true]]);
    // Not checkpointed and removed at any close: the log only grew.
    expect(walSize(registry)).toBeGreaterThanOrEqual(left);
  });
});
