import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commitAll, git } from '../support/git-repo.js';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

// A validate run after one file changed reuses the registry (facts, the stored graph, file ages,
// the base findings of --staged); its findings must be exactly those of a run that starts from
// nothing (--no-cache). The steps run in order on one warm registry, as edits come in a session.

const ARGS = ['--entry', 'src/index.ts', '--reporter', 'json'];

async function findings(root: string, extra: string[]): Promise<unknown[]> {
  const result = await runCli(['validate', '--root', root, ...ARGS, ...extra]);
  expect(result.exitCode, result.stderr).toBeLessThan(2);
  return (JSON.parse(result.stdout) as { findings: unknown[] }).findings;
}

const symbols = (list: unknown[]) => list.map((finding) => (finding as { symbol: string | null }).symbol);

describe('validate after one file changed gives the findings of a run from nothing', () => {
  let root: string;
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));

  beforeAll(async () => {
    root = copyFixture('one-change/barrels');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.email', 'test@example.com');
    git(root, 'config', 'user.name', 'Test');
    writeFileSync(path.join(root, '.gitignore'), '.orch-guard/\n');
    commitAll(root, 'initial');
    // The warm registry every step starts from.
    expect(symbols(await findings(root, []))).toEqual(['separator', 'farewell', 'src/orphan.ts', 'Kind.Circle', 'Kind.Triangle', 'Size']);
  });
  afterAll(() => removeTemp(root));

  const steps: Array<[string, () => void, (symbolsNow: Array<string | null>) => void]> = [
    ['an export is added', () => appendFileSync(path.join(root, 'src/lib/format.ts'), '\nexport function shout(name: string): string {\n  return name.toUpperCase();\n}\n'),
      (now) => expect(now).toContain('shout')],
    ['a file is renamed and its importers follow', () => {
      renameSync(path.join(root, 'src/lib/format.ts'), path.join(root, 'src/lib/formatting.ts'));
      edit('src/lib/greet.ts', (text) => text.replace("'./format.js'", "'./formatting.js'"));
      edit('src/lib/index.ts', (text) => text.replace("'./format.js'", "'./formatting.js'"));
    }, (now) => expect(now).toContain('separator')],
    ['an `export *` becomes a named re-export', () => edit('src/shapes/index.ts', (text) => text.replace("export * from './kinds.js';", "export { Kind } from './kinds.js';")),
      (now) => expect(now).toContain('Size')],
    ['a re-export is removed, so its target loses its only use', () => edit('src/shapes/index.ts', (text) => text.replace("export { area } from './area.js';\n", '')),
      (now) => expect(now).toContain('src/shapes/area.ts')],
    ['a function is copied into another file', () => appendFileSync(path.join(root, 'src/shapes/kinds.ts'),
      '\nexport function farewellCopy(name: string): string {\n  return `bye ${name.trim()}`;\n}\n'),
      (now) => expect(now).toContain('farewellCopy')],
    ['an import is removed', () => edit('src/index.ts', (text) => text.replace("import { greet } from './lib/index.js';\n", '').replace("greet(' Ada '), ", '')),
      (now) => expect(now).toEqual(expect.arrayContaining(['src/lib/greet.ts', 'src/lib/index.ts']))],
  ];

  test.each(steps)('%s', async (_name, change, check) => {
    change();
    const warm = await findings(root, []);
    const fresh = await findings(root, ['--no-cache']);
    expect(warm).toEqual(fresh);
    check(symbols(warm));
    // The pre-commit hook's path: the change staged, judged against HEAD with the stored base findings.
    git(root, 'add', '-A');
    const staged = await findings(root, ['--staged']);
    expect(staged).toEqual(await findings(root, ['--staged', '--no-cache']));
    commitAll(root, 'step');
  });
});
