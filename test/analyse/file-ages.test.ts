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

/** The duplicate findings of the fixture in a temp git repository after `commits` ([paths, date] each). */
async function duplicatesAfter(commits: Array<[string[], string]>) {
  const root = createGitRepo(files);
  try {
    for (const [paths, date] of commits) commit(root, paths, date);
    const result = await validateProject({ root, production: false, useCache: false });
    return result.findings.filter((finding) => finding.rule === 'duplicate-implementation').map(({ file, line, symbol, referrers }) => ({ file, line, symbol, referrers }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('duplicate-implementation: the older copy by git', () => {
  const cartFirst: [string[], string] = [['package.json', 'src/index.ts', 'src/b/cart.ts'], '2020-01-01T00:00:00Z'];
  const invoiceReported = [{ file: 'src/a/invoice.ts', line: 3, symbol: 'invoiceTotal', referrers: ['src/b/cart.ts#cartTotal'] }];

  test('the copy git added later is reported, naming the one added first, whatever their paths', async () => {
    expect(await duplicatesAfter([cartFirst, [['src/a/invoice.ts'], '2021-06-01T00:00:00Z']])).toEqual(invoiceReported);
  }, 60_000);

  test('a file git does not have yet is the newest copy', async () => {
    expect(await duplicatesAfter([cartFirst])).toEqual(invoiceReported);
  }, 60_000);

  test('copies added in the same commit are ordered by path', async () => {
    expect(await duplicatesAfter([[['.'], '2020-01-01T00:00:00Z']])).toEqual([{ file: 'src/b/cart.ts', line: 4, symbol: 'cartTotal', referrers: ['src/a/invoice.ts#invoiceTotal'] }]);
  }, 60_000);
});
