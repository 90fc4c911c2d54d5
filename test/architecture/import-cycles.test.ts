import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { withAnalysis } from '../../src/analyse/with-analysis.js';
import { findImportCycles } from '../support/import-cycles.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('this repository', () => {
  test('has no file-level import cycle in src/ and rules/ (type-only imports included)', async () => {
    const cycles = await withAnalysis({ root: REPO_ROOT, notices: [] }, ({ context }) =>
      findImportCycles(context.files, (file) => file.startsWith('src/') || file.startsWith('rules/')));
    expect(cycles).toEqual([]);
  }, 120_000);
});
