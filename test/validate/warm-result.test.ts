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
  test('reuses the last result on a project that uses no tools', async () => {
    const root = copyFixture('example/shop');
    try {
      // The stat of a file vouches for its content only once it has been left alone for 2 s.
      await sleep(2_100);
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
});
