import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { validateProject } from '../../src/validate/run-validate.js';
import { copyFixture, removeTemp } from '../support/run-cli.js';

const validate = (root: string) => validateProject({ root, production: false, useCache: true });

/** Empties the facts cache: a run that analyses again must parse every file. */
function forgetFacts(root: string): void {
  const db = new Database(path.join(root, '.orch-guard', 'registry.db'));
  try {
    db.prepare('DELETE FROM files').run();
  } finally {
    db.close();
  }
}

describe('a warm validate run with nothing changed', () => {
  // fixtures/example/shop has no dependencies and no CI workflows: knip is never asked, so no
  // answer is stored. That must not make every run's result key new.
  // The stat of a file vouches for its content only once it has been left alone for 2 s; a file
  // edited right before a run is not settled, so the result is kept under the content the
  // indexer read, and the next run checks the content.
  test.each([
    ['reuses the last result on a project that uses no tools', 2_100],
    ['reuses a result made right after an edit when the content is the same', 0],
  ])('%s', async (_name, settleMs) => {
    const root = copyFixture('example/shop');
    try {
      await sleep(settleMs);
      const cold = await validate(root);
      expect(cold.parsedCount).toBeGreaterThan(5);
      forgetFacts(root);
      const warm = await validate(root);
      expect(warm.parsedCount).toBe(0);
      expect(warm.findings).toEqual(cold.findings);
      expect(warm.exitCode).toBe(cold.exitCode);
    } finally {
      removeTemp(root);
    }
  });

  test('analyses again when the content changed after such a result', async () => {
    const root = copyFixture('example/shop');
    try {
      const cold = await validate(root);
      const cart = path.join(root, 'src', 'cart');
      const file = path.join(cart, readdirSync(cart).filter((name) => name.endsWith('.ts')).sort()[0]);
      appendFileSync(file, '\nexport const addedAfterTheRun = 1;\n');
      forgetFacts(root);
      const warm = await validate(root);
      expect(warm.parsedCount).toBeGreaterThan(5);
      expect(warm.findings.map((finding) => finding.symbol)).toContain('addedAfterTheRun');
      expect(cold.findings.map((finding) => finding.symbol)).not.toContain('addedAfterTheRun');
    } finally {
      removeTemp(root);
    }
  });
});
