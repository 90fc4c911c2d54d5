import { appendFileSync, cpSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { installDiskReadJournal } from '../../src/files/disk-read-journal.js';
import { withQueryView } from '../../src/query/query-source.js';
import type { QueryView } from '../../src/query/query-view.js';
import { resolveTarget } from '../../src/query/resolve-target.js';
import { findSymbols, usageOf, whyLive } from '../../src/query/symbol-queries.js';
import Database from 'better-sqlite3';
import { VIEW_SECTIONS } from '../../src/query/stored-view.js';
import { touchAll } from '../support/file-tree.js';
import { copyFixture, removeTemp } from '../support/run-cli.js';

/** Every answer the queries can give on the project: find, usage (two levels) and why of each file and top-level symbol. */
function allAnswers(view: QueryView): unknown {
  const answers: unknown[] = [findSymbols(view, '*')];
  for (const file of view.files) {
    const addresses = [file.path, ...[...file.declarationsByName.keys()].map((name) => `${file.path}#${name}`)];
    for (const address of addresses) {
      const target = resolveTarget(view, address, 'usage');
      answers.push(address, usageOf(view, target, 2), whyLive(view, target));
    }
  }
  return answers;
}

async function answersOf(root: string): Promise<{ source: string; answers: unknown }> {
  let source = '';
  const answers = await withQueryView({ root, notices: [], onSource: (from) => (source = from) }, allAnswers);
  return { source, answers };
}

// As the CLI does before it loads anything (see installDiskReadJournal).
installDiskReadJournal();

describe('queries from the stored graph', () => {
  test('answer exactly as a fresh analysis, and re-analyse when a file changes', async () => {
    const root = copyFixture('example/shop');
    try {
      const fresh = await answersOf(root);
      expect(fresh.source).toBe('analysed');
      const warm = await answersOf(root);
      expect(warm.source).toBe('unchanged');
      expect(JSON.stringify(warm.answers)).toBe(JSON.stringify(fresh.answers));
      expect((fresh.answers as unknown[]).length).toBeGreaterThan(20);
      // Stored in parts: the ones every view has, and the signatures of each file that has any.
      const registry = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
      const parts = registry.prepare('SELECT name FROM query_view_parts').pluck().all() as string[];
      registry.close();
      expect(parts.filter((name) => !name.startsWith('signatures:')).sort()).toEqual([...VIEW_SECTIONS].sort());
      expect(parts.filter((name) => name.startsWith('signatures:')).length).toBeGreaterThan(2);

      appendFileSync(path.join(root, 'src/lib/format.ts'), '\nexport function formatStoredView(): string { return ""; }\n');
      const changed = await answersOf(root);
      expect(changed.source).toBe('analysed');
      expect(JSON.stringify(changed.answers)).toContain('formatStoredView');
      expect((await answersOf(root)).source).toBe('unchanged');
    } finally {
      removeTemp(root);
    }
  });

  // CI: a fresh checkout at the runner's usual path, with .orch-guard/ restored from the cache.
  test('a registry restored into a fresh checkout (same content, new mtimes) holds; changed content does not', async () => {
    const root = copyFixture('example/shop');
    const other = `${root}-previous`;
    try {
      const fresh = await answersOf(root);
      renameSync(root, other);
      cpSync(other, root, { recursive: true });
      touchAll(root, new Date(Date.now() + 60_000));
      // The project stamp holds no more (new mtimes, new paths): the project is loaded and the
      // view's own stamps hold by content.
      const restored = await answersOf(root);
      expect(restored.source).toBe('stored');
      expect(JSON.stringify(restored.answers)).toBe(JSON.stringify(fresh.answers));
      appendFileSync(path.join(root, 'src/cart/cart.ts'), '\n// a comment changes the content\n');
      expect((await answersOf(root)).source).toBe('analysed');
    } finally {
      removeTemp(root);
      removeTemp(other);
    }
  });
});
