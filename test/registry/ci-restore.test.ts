import { appendFileSync, cpSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateProject } from '../../src/validate/run-validate.js';
import { touchAll } from '../support/file-tree.js';
import { copyFixture, removeTemp } from '../support/run-cli.js';

const validate = (root: string) => validateProject({ root, production: false, useCache: true });

// The CI recipe of the README: a fresh checkout (new mtimes) with .orch-guard/ restored from a cache.
describe('a registry restored into a fresh checkout', () => {
  test('gives a warm run with identical findings, and re-parses only what changed', async () => {
    const root = copyFixture('example/shop');
    const previous = `${root}-previous`;
    try {
      const cold = await validate(root);
      expect(cold.parsedCount).toBeGreaterThan(5);
      renameSync(root, previous);
      cpSync(previous, root, { recursive: true });
      touchAll(root, new Date(Date.now() + 60_000));

      const restored = await validate(root);
      expect(restored.parsedCount).toBe(0);
      expect(restored.findings).toEqual(cold.findings);
      expect(restored.exitCode).toBe(cold.exitCode);

      appendFileSync(path.join(root, 'src/lib/format.ts'), '\nexport function formatRestored(): string { return ""; }\n');
      const changed = await validate(root);
      expect(changed.parsedCount).toBe(1);
      expect(changed.findings.filter((finding) => finding.symbol === 'formatRestored').map((finding) => finding.rule)).toEqual(['unused-export']);
    } finally {
      removeTemp(root);
      removeTemp(previous);
    }
  });
});
