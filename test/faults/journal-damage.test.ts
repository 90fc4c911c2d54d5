import { existsSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { runFaultCli, withFaultProject } from './fault-cli.js';

const PROJECT = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.js" }\n',
  'src/index.js': "import { a } from './a.js';\nimport { b } from './b.js';\nimport { c } from './c.js';\nimport { d } from './d.js';\nconsole.log(a, b, c, d);\n",
  'src/a.js': 'export const a = 1;\n',
  'src/b.js': 'export const b = 1;\n',
  'src/c.js': 'export const c = 1;\n',
  'src/d.js': 'export const d = 1;\n',
  'src/dead-1.js': 'export const dead1 = 1;\n',
  'src/dead-2.js': 'export const dead2 = 2;\n',
  'src/dead-3.js': 'export const dead3 = 3;\n',
};

function editRegistry(root: string, sql: string): void {
  const registry = new Database(path.join(root, '.orch-guard/registry.db'));
  try {
    registry.exec(sql);
    registry.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    registry.close();
  }
}

describe.concurrent('a damaged cleanup journal is never restored from', () => {
  test.each([true, false])('a saved copy that does not match its hash, a missing one, a path out of the root (cleanup log kept: %s): each taken from the log, or refused and named; nothing written from them', async (logKept) => {
    await withFaultProject(PROJECT, async (root) => {
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      if (!logKept) rmSync(path.join(root, '.orch-guard/registry.db-cleanups'), { recursive: true });
      // Beside the root, in the shared temp folder: named after the root so no other run collides.
      const escaped = `../${path.basename(root)}-escaped.js`;
      editRegistry(root, `UPDATE cleanup_files SET before_content = CAST('export const wrong = 1;' AS BLOB) WHERE path = 'src/dead-1.js';
        UPDATE cleanup_files SET before_content = NULL WHERE path = 'src/dead-2.js';
        UPDATE cleanup_files SET path = '${escaped}' WHERE path = 'src/dead-3.js';`);
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      expect(undo.stdout).toBe((logKept
        ? [
          'Undid cleanup #1: 2 files restored',
          `  not restored: ${escaped} (its saved copy in the registry is damaged (its path leads outside the root))`,
        ]
        : [
          'Undid cleanup #1: 0 files restored',
          `  not restored: ${escaped} (its saved copy in the registry is damaged (its path leads outside the root))`,
          '  not restored: src/dead-1.js (its saved copy in the registry is damaged (the saved content does not match its hash))',
          '  not restored: src/dead-2.js (its saved copy in the registry is damaged (no saved content))',
        ]).concat('').join('\n'));
      expect(undo.exitCode).toBe(1);
      if (logKept) {
        expect(readFileSync(path.join(root, 'src/dead-1.js'), 'utf8')).toBe(PROJECT['src/dead-1.js']);
        expect(readFileSync(path.join(root, 'src/dead-2.js'), 'utf8')).toBe(PROJECT['src/dead-2.js']);
      } else {
        expect(existsSync(path.join(root, 'src/dead-1.js'))).toBe(false);
      }
      expect(existsSync(path.join(root, escaped))).toBe(false);
    }, { git: true });
  });

  test.each([true, false])('a truncated registry (cleanup log kept: %s): rebuilt, the old file kept aside; --undo restores from the log, or says the records could not be read', async (logKept) => {
    await withFaultProject(PROJECT, async (root) => {
      expect((await runFaultCli(['cleanup', '--fix', '--unverified', '--root', root])).exitCode).toBe(0);
      editRegistry(root, 'SELECT 1');
      const file = path.join(root, '.orch-guard/registry.db');
      truncateSync(file, Math.floor(statSync(file).size / 2));
      if (!logKept) rmSync(path.join(root, '.orch-guard/registry.db-cleanups'), { recursive: true });
      const undo = await runFaultCli(['cleanup', '--undo', '--root', root]);
      const rebuilt = 'registry registry\\.db is corrupt: rebuilt; the old file, which may hold cleanup undo records, is kept as .*registry\\.db\\.unusable-\\S+ \\(its cleanup records could not be read\\)';
      if (logKept) {
        expect(undo.stderr).toMatch(new RegExp(`^orch-guard: ${rebuilt}\\norch-guard: cleanup #1: the registry had lost it \\(deleted, or rebuilt\\); recovered from its log beside the registry, so it can still be rolled back or undone\\n$`));
        expect(undo.exitCode).toBe(0);
        expect(readFileSync(path.join(root, 'src/dead-1.js'), 'utf8')).toBe(PROJECT['src/dead-1.js']);
      } else {
        expect(undo.stderr).toMatch(new RegExp(`^orch-guard: cleanup --undo: no applied cleanup to undo \\(${rebuilt}\\)\\n$`));
        expect(undo.exitCode).toBe(2);
        expect(existsSync(path.join(root, 'src/dead-1.js'))).toBe(false);
      }
      expect(readFileSync(path.join(root, 'src/a.js'), 'utf8')).toBe(PROJECT['src/a.js']);
    }, { git: true });
  });
});
