import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openRegistry } from '../../src/registry/open-registry.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/registry/schema.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop() as string, { recursive: true, force: true });
});

/** A registry as an orch-guard of schema `version` left it. */
function registryAt(version: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-registry-'));
  dirs.push(dir);
  const file = path.join(dir, 'registry.db');
  const db = new Database(file);
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration);
  db.pragma(`user_version = ${version}`);
  db.close();
  return file;
}

describe('registry migrations', () => {
  test('v5 → v6: `runs` becomes `validate_runs` with its findings and gate results; the meta caches give way to typed tables', () => {
    const file = registryAt(5);
    const old = new Database(file);
    old.prepare("INSERT INTO runs (id, command, started_at, options, exit_code) VALUES (7, 'validate', '2026-01-01', '{}', 1)").run();
    old.prepare("INSERT INTO findings (run_id, rule, severity, file, line, column, message, fingerprint) VALUES (7, 'unused-export', 'error', 'src/a.ts', 1, 1, 'm', 'f')").run();
    old.prepare("INSERT INTO gate_results (run_id, phase, verdict, findings, created_at) VALUES (7, 'validate', 'blocked', '[]', '2026-01-01')").run();
    old.prepare("INSERT INTO meta (key, value) VALUES ('validate-result', '{}')").run();
    old.close();

    const notices: string[] = [];
    const registry = openRegistry(file, notices);
    try {
      expect(notices).toEqual([`registry migrated from schema v5 to v${SCHEMA_VERSION}`]);
      expect(registry.prepare('SELECT id, command, exit_code FROM validate_runs').all()).toEqual([{ id: 7, command: 'validate', exit_code: 1 }]);
      const tables = registry.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['validate_runs', 'validate_result_cache', 'base_findings']));
      expect(tables).not.toContain('runs');
      expect(tables).not.toContain('meta');
      // The foreign keys followed the rename: deleting the run deletes its findings and gate results.
      registry.prepare('DELETE FROM validate_runs WHERE id = 7').run();
      expect(registry.prepare('SELECT (SELECT count(*) FROM findings) + (SELECT count(*) FROM gate_results) AS n').get()).toEqual({ n: 0 });
      expect(registry.pragma('foreign_key_check')).toEqual([]);
    } finally {
      registry.close();
    }
  });

  test('a fresh registry gets every migration, and opening it again changes nothing', () => {
    // A path with no file yet: orch-guard creates the registry (an existing foreign SQLite file is refused).
    const dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-registry-'));
    dirs.push(dir);
    const file = path.join(dir, 'registry.db');
    const notices: string[] = [];
    openRegistry(file, notices).close();
    const again = openRegistry(file, notices);
    try {
      expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(notices).toEqual([]);
    } finally {
      again.close();
    }
  });
});
