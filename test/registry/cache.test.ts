import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { removeTemp, runCli } from '../support/run-cli.js';
import { writeTempProject } from '../support/temp-project.js';

const roots: string[] = [];
afterEach(() => {
  while (roots.length > 0) removeTemp(roots.pop() as string);
});

function shopProject(): string {
  const root = writeTempProject({
    'package.json': '{ "name": "p", "main": "src/index.ts" }',
    'src/index.ts': "import { a } from './a';\nimport { b } from './b';\nexport const main = a + b;\n",
    'src/a.ts': 'export const a = 1;\n',
    'src/b.ts': 'export const b = 2;\n',
    'src/c.ts': "import { b } from './b';\nexport const c = b;\n",
  });
  roots.push(root);
  return root;
}

const lastRun = (root: string) => {
  const db = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
  try {
    return db.prepare('SELECT file_count, parsed_count, exit_code FROM validate_runs ORDER BY id DESC LIMIT 1').get() as { file_count: number; parsed_count: number; exit_code: number };
  } finally {
    db.close();
  }
};

describe('the registry caches facts by content hash', () => {
  test('a second run parses nothing; a change re-parses only the changed file', async () => {
    const root = shopProject();
    expect((await runCli(['validate', '--root', root])).exitCode).toBe(1);
    expect(lastRun(root)).toEqual({ file_count: 4, parsed_count: 4, exit_code: 1 });

    await runCli(['validate', '--root', root]);
    expect(lastRun(root).parsed_count).toBe(0);

    writeFileSync(path.join(root, 'src/index.ts'), "import { a } from './a';\nimport { b } from './b';\nimport { c } from './c';\nexport const main = a + b + c;\n");
    const result = await runCli(['validate', '--root', root, '--reporter', 'json']);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    expect(lastRun(root)).toEqual({ file_count: 4, parsed_count: 1, exit_code: 0 });
  }, 30_000);

  test('the symbol graph is queryable: who uses `b`', async () => {
    const root = shopProject();
    await runCli(['validate', '--root', root]);
    const db = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
    try {
      const users = db.prepare(`SELECT f.path, coalesce(s.name, '(top level)') AS user FROM symbol_references r
        JOIN symbols t ON t.file_id = r.to_file_id AND t.local_index = r.to_index
        JOIN files f ON f.id = r.from_file_id
        LEFT JOIN symbols s ON s.file_id = r.from_file_id AND s.local_index = r.from_index
        WHERE t.name = 'b' ORDER BY f.path`).all();
      expect(users).toEqual([{ path: 'src/c.ts', user: 'c' }, { path: 'src/index.ts', user: 'main' }]);
      const edges = db.prepare("SELECT specifier, form, resolution, target FROM module_edges JOIN files ON files.id = from_file_id WHERE files.path = 'src/index.ts'").all();
      expect(edges).toEqual([
        { specifier: './a', form: 'static', resolution: 'file', target: 'src/a.ts' },
        { specifier: './b', form: 'static', resolution: 'file', target: 'src/b.ts' },
      ]);
    } finally {
      db.close();
    }
  }, 30_000);

  test('a corrupt registry is rebuilt with a notice', async () => {
    const root = shopProject();
    await runCli(['validate', '--root', root]);
    writeFileSync(path.join(root, '.orch-guard/registry.db'), 'this is not a database'.repeat(100));
    const result = await runCli(['validate', '--root', root]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('orch-guard: registry registry.db is corrupt: rebuilt');
    expect(lastRun(root).parsed_count).toBe(4);
  }, 30_000);

  test('a registry from another schema is rebuilt with a notice', async () => {
    const root = shopProject();
    await runCli(['validate', '--root', root]);
    const db = new Database(path.join(root, '.orch-guard/registry.db'));
    db.pragma('user_version = 99');
    db.close();
    const result = await runCli(['validate', '--root', root]);
    expect(result.stderr).toContain('registry registry.db has schema v99, newer than this orch-guard');
    expect(result.exitCode).toBe(1);
  }, 30_000);

  test('two runs at once on one root both finish with the same result', async () => {
    const root = shopProject();
    const [first, second] = await Promise.all([
      runCli(['validate', '--root', root, '--reporter', 'json']),
      runCli(['validate', '--root', root, '--reporter', 'json']),
    ]);
    expect(first.exitCode).toBe(1);
    expect(second.exitCode).toBe(1);
    expect(JSON.parse(first.stdout).findings).toEqual(JSON.parse(second.stdout).findings);
    // Both runs wrote the one database: it is intact, holds both runs, and its cache serves a third.
    const db = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS runs FROM validate_runs WHERE exit_code = 1').get()).toEqual({ runs: 2 });
      // At least one of them parsed every file (the other may have found the first's facts).
      expect(db.prepare('SELECT max(parsed_count) AS parsed FROM validate_runs').get()).toEqual({ parsed: 4 });
    } finally {
      db.close();
    }
    expect((await runCli(['validate', '--root', root, '--no-cache'])).exitCode).toBe(1);
    await runCli(['validate', '--root', root]);
    expect(lastRun(root).parsed_count).toBe(0);
  }, 30_000);
});
