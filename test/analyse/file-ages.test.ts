import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitFileAges } from '../../src/analyse/file-ages.js';
import { IN_MEMORY_REGISTRY, openRegistry } from '../../src/registry/open-registry.js';
import { validateProject } from '../../src/validate/run-validate.js';
import { createGitRepo } from '../support/git-repo.js';
import { writeTempProject } from '../support/temp-project.js';
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

describe('file ages: kept per HEAD in the registry', () => {
  const JAN_2020 = Date.parse('2020-01-01T00:00:00Z') / 1000;
  const JUN_2021 = Date.parse('2021-06-01T00:00:00Z') / 1000;

  test('an answer read at this HEAD is reused without asking git again; a new HEAD asks again', () => {
    const root = createGitRepo({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n' });
    const registry = openRegistry(IN_MEMORY_REGISTRY, []);
    try {
      commit(root, ['a.ts'], '2020-01-01T00:00:00Z');
      const notices: string[] = [];
      const ages = gitFileAges(root, notices, registry);
      expect(Object.fromEntries(ages(['a.ts', 'b.ts']))).toEqual({ 'a.ts': JAN_2020 });
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      expect(registry.prepare('SELECT path, head, added_at AS addedAt FROM file_ages ORDER BY path').all())
        .toEqual([{ path: 'a.ts', head, addedAt: JAN_2020 }, { path: 'b.ts', head, addedAt: null }]);
      // A stored answer for this HEAD wins over git: proof that git is not asked again.
      registry.prepare('UPDATE file_ages SET added_at = 7 WHERE path = ?').run('a.ts');
      expect(Object.fromEntries(ages(['a.ts']))).toEqual({ 'a.ts': 7 });
      commit(root, ['b.ts'], '2021-06-01T00:00:00Z');
      expect(Object.fromEntries(ages(['a.ts', 'b.ts']))).toEqual({ 'a.ts': JAN_2020, 'b.ts': JUN_2021 });
      expect(notices).toEqual([]);
    } finally {
      registry.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('without git, no file has an age and nothing is stored', () => {
    const root = writeTempProject({ 'a.ts': 'export const a = 1;\n' });
    const registry = openRegistry(IN_MEMORY_REGISTRY, []);
    try {
      expect(gitFileAges(root, [], registry)(['a.ts']).size).toBe(0);
      expect(registry.prepare('SELECT COUNT(*) FROM file_ages').pluck().get()).toBe(0);
    } finally {
      registry.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
