import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateProject } from '../../src/validate/run-validate.js';
import { createGitRepo } from '../support/git-repo.js';
import { FIXTURES } from '../support/run-cli.js';

const fixture = path.join(FIXTURES, 'duplicate-implementation/renamed-locals-and-params');
const files = Object.fromEntries(['package.json', 'src/index.ts', 'src/a/invoice.ts', 'src/b/cart.ts'].map((file) => [file, readFileSync(path.join(fixture, file), 'utf8')]));

function commit(root: string, paths: string[], date: string): void {
  execFileSync('git', ['add', ...paths], { cwd: root });
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', `add ${paths.join(', ')}`], { cwd: root, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

async function duplicatesIn(root: string) {
  const result = await validateProject({ root, production: false, useCache: false });
  return result.findings.filter((finding) => finding.rule === 'duplicate-implementation').map(({ file, line, symbol, referrers }) => ({ file, line, symbol, referrers }));
}

describe('duplicate-implementation: the older copy by git', () => {
  test('the copy git added later is reported, naming the one added first, whatever their paths', async () => {
    const root = createGitRepo(files);
    try {
      commit(root, ['package.json', 'src/index.ts', 'src/b/cart.ts'], '2020-01-01T00:00:00Z');
      commit(root, ['src/a/invoice.ts'], '2021-06-01T00:00:00Z');
      expect(await duplicatesIn(root)).toEqual([{ file: 'src/a/invoice.ts', line: 3, symbol: 'invoiceTotal', referrers: ['src/b/cart.ts#cartTotal'] }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  test('a file git does not have yet is the newest copy', async () => {
    const root = createGitRepo(files);
    try {
      commit(root, ['package.json', 'src/index.ts', 'src/b/cart.ts'], '2020-01-01T00:00:00Z');
      expect(await duplicatesIn(root)).toEqual([{ file: 'src/a/invoice.ts', line: 3, symbol: 'invoiceTotal', referrers: ['src/b/cart.ts#cartTotal'] }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  test('copies added in the same commit are ordered by path', async () => {
    const root = createGitRepo(files);
    try {
      commit(root, ['.'], '2020-01-01T00:00:00Z');
      expect(await duplicatesIn(root)).toEqual([{ file: 'src/b/cart.ts', line: 4, symbol: 'cartTotal', referrers: ['src/a/invoice.ts#invoiceTotal'] }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
