import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { commitAll, git } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';
import { addReport, makeReportAProgram, shopCopies } from '../support/shop-changes.js';

// A warm query answers without loading the project when nothing loading it read has changed
// (src/files/disk-read-journal.ts). These runs change what loading reads (the file list, a
// manifest) and damage the stamp: every answer must be the fresh one.

const UNCHANGED = 'orch-guard: debug: answered from the stored graph; nothing the project was loaded from changed';
const LOADED = 'orch-guard: debug: answered from the stored graph after loading the project';
const ANALYSED = 'orch-guard: debug: answered from a fresh analysis';

const shop = shopCopies();

async function ask(root: string, ...args: string[]): Promise<{ answer: string; source: string }> {
  const result = await runCli([...args, '--root', root, '--debug']);
  expect(result.exitCode, result.stderr).toBe(0);
  return { answer: result.stdout, source: result.stderr.split('\n').find((line) => line.startsWith('orch-guard: debug:')) ?? result.stderr };
}

function setStamp(root: string, stamp: string): void {
  const registry = new Database(path.join(root, '.orch-guard/registry.db'));
  try {
    registry.prepare('UPDATE query_view SET project_stamp = ?').run(stamp);
  } finally {
    registry.close();
  }
}

const USAGE = ['usage', 'src/lib/format.ts#formatDate'];
const WHY = ['why', 'src/report.ts#stamp'];

describe('queries when the project may have changed', () => {
  test('a new file, a changed manifest and a deleted file are seen; unchanged, the stored graph answers', async () => {
    const root = shop();
    const first = await ask(root, ...USAGE);
    expect(first.source).toBe(ANALYSED);
    expect(await ask(root, ...USAGE)).toEqual({ answer: first.answer, source: UNCHANGED });

    // A new file: only the file list says so.
    addReport(root);
    const withReport = await ask(root, ...USAGE);
    expect(withReport.source).toBe(ANALYSED);
    expect(withReport.answer).toContain('src/report.ts (top level)  (dead)');
    expect((await ask(root, ...WHY)).answer).toContain('dead');

    // The manifest names it as a program (bin): no source file changed, the entries did.
    makeReportAProgram(root);
    const why = await ask(root, ...WHY);
    expect(why.source).not.toBe(UNCHANGED);
    expect(why.answer).not.toContain('dead');
    expect(await ask(root, ...WHY)).toEqual({ answer: why.answer, source: UNCHANGED });

    unlinkSync(path.join(root, 'src/report.ts'));
    const gone = await ask(root, ...USAGE);
    expect(gone.answer).toBe(first.answer);
    expect(gone.source).toBe(ANALYSED);
  });

  test('in a git repository, an untracked new file is seen', async () => {
    const root = shop();
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.email', 'test@example.com');
    git(root, 'config', 'user.name', 'Test');
    commitAll(root, 'initial');
    const first = await ask(root, ...USAGE);
    expect(await ask(root, ...USAGE)).toEqual({ answer: first.answer, source: UNCHANGED });
    addReport(root);
    const withReport = await ask(root, ...USAGE);
    expect(withReport.source).toBe(ANALYSED);
    expect(withReport.answer).toContain('src/report.ts (top level)  (dead)');
    // Ignored by git: no longer a project file.
    writeFileSync(path.join(root, '.gitignore'), 'src/report.ts\n.orch-guard/\n');
    expect((await ask(root, ...USAGE)).answer).toBe(first.answer);
  });

  test('in a git repository, a tracked file deleted in the work tree: the stored graph answers again from the second query', async () => {
    const root = shop();
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.email', 'test@example.com');
    git(root, 'config', 'user.name', 'Test');
    writeFileSync(path.join(root, '.gitignore'), '.orch-guard/\n');
    const first = await ask(root, ...USAGE);
    addReport(root);
    commitAll(root, 'initial');
    // git still lists the file (it is tracked); the disk has it no more.
    unlinkSync(path.join(root, 'src/report.ts'));
    expect(await ask(root, ...USAGE)).toEqual({ answer: first.answer, source: ANALYSED });
    expect(await ask(root, ...USAGE)).toEqual({ answer: first.answer, source: UNCHANGED });
    addReport(root);
    expect((await ask(root, ...USAGE)).source).toBe(ANALYSED);
  });

  test('without the registry, or with a damaged stamp, the project is loaded again and the answer is the fresh one', async () => {
    const root = shop();
    const first = await ask(root, ...USAGE);
    rmSync(path.join(root, '.orch-guard'), { recursive: true });
    expect(await ask(root, ...USAGE)).toEqual({ answer: first.answer, source: ANALYSED });

    // A stamp that is not one: the project is loaded, the stored view still answers.
    setStamp(root, 'not json');
    expect(await ask(root, ...USAGE)).toEqual({ answer: first.answer, source: LOADED });
    expect((await ask(root, ...USAGE)).source).toBe(UNCHANGED);

    // A stamp that parses but was altered (here: it vouches for nothing read) must not vouch
    // for a project that changed.
    addReport(root);
    const registry = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
    const stored = JSON.parse(registry.prepare('SELECT project_stamp FROM query_view').pluck().get() as string) as { body: string; digest: string };
    registry.close();
    const body = JSON.parse(stored.body) as { reads: unknown[] };
    setStamp(root, JSON.stringify({ body: JSON.stringify({ ...body, reads: [] }), digest: stored.digest }));
    const changed = await ask(root, ...USAGE);
    expect(changed.source).toBe(ANALYSED);
    expect(changed.answer).toContain('src/report.ts (top level)  (dead)');
  });

  test('a stored view with a part missing is not answered from, even when a query reads that part last', async () => {
    const root = shop();
    const why = ['why', 'src/lib/format.ts#formatDate'];
    const first = await ask(root, ...why);
    expect(first.answer).toContain('is live');
    expect((await ask(root, ...why)).source).toBe(UNCHANGED);
    // `why` reads the edges only once it walks the graph.
    const registry = new Database(path.join(root, '.orch-guard/registry.db'));
    expect(registry.prepare("DELETE FROM query_view_parts WHERE name = 'edgeTargets'").run().changes).toBe(1);
    registry.close();
    expect(await ask(root, ...why)).toEqual({ answer: first.answer, source: ANALYSED });
    expect(await ask(root, ...why)).toEqual({ answer: first.answer, source: UNCHANGED });
  });
});
