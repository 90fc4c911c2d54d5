import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { commitAll, createGitRepo, git } from '../support/git-repo.js';
import { removeTemp, runCli } from '../support/run-cli.js';
import { withTempProject } from '../support/temp-project.js';

const base = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.ts" }',
  'src/index.ts': "import { format } from './format';\nexport const main = format(1);\n",
  'src/format.ts': "export function format(n: number) { return n.toFixed(2); }\nexport function legacy() { return 1; }\n",
};

interface JsonFinding { rule: string; file: string; line: number; symbol: string | null; introduced?: boolean }

async function withRepo(work: (root: string) => Promise<void>): Promise<void> {
  const root = createGitRepo(base);
  try {
    commitAll(root, 'initial');
    await work(root);
  } finally {
    removeTemp(root);
  }
}

const validate = async (root: string, ...args: string[]) => {
  const result = await runCli(['validate', '--root', root, '--reporter', 'json', ...args]);
  const findings = result.stdout === '' ? [] : (JSON.parse(result.stdout).findings as JsonFinding[]);
  return { ...result, findings: findings.map(({ rule, file, symbol, introduced }) => ({ rule, file, symbol, introduced })) };
};

describe.concurrent('validate --staged: only what the commit would introduce', () => {
  test('new dead code in the index fails; dead code already in HEAD is reported as not introduced', async () => {
    await withRepo(async (root) => {
      writeFileSync(path.join(root, 'src/extra.ts'), 'export const extra = 1;\n');
      git(root, 'add', 'src/extra.ts');
      const result = await validate(root, '--staged');
      expect(result.exitCode).toBe(1);
      expect(result.findings).toEqual([
        { rule: 'unused-file', file: 'src/extra.ts', symbol: 'src/extra.ts', introduced: true },
        { rule: 'unused-export', file: 'src/format.ts', symbol: 'legacy', introduced: false },
      ]);
    });
  });

  test('a change that makes code elsewhere dead is introduced too', async () => {
    await withRepo(async (root) => {
      writeFileSync(path.join(root, 'src/index.ts'), 'export const main = 1;\n');
      git(root, 'add', 'src/index.ts');
      const result = await validate(root, '--staged');
      expect(result.exitCode).toBe(1);
      expect(result.findings).toEqual([{ rule: 'unused-file', file: 'src/format.ts', symbol: 'src/format.ts', introduced: true }]);
    });
  });

  test('a change that touches only live code passes, and so does one that removes dead code', async () => {
    await withRepo(async (root) => {
      writeFileSync(path.join(root, 'src/format.ts'), 'export function format(n: number) { return n.toFixed(3); }\n');
      git(root, 'add', 'src/format.ts');
      const result = await validate(root, '--staged');
      expect(result.exitCode).toBe(0);
      expect(result.findings).toEqual([]);
    });
  });

  test('partially staged files: the index counts, not the working tree', async () => {
    await withRepo(async (root) => {
      const file = path.join(root, 'src/format.ts');
      writeFileSync(file, `${base['src/format.ts']}export function added() {}\n`);
      git(root, 'add', 'src/format.ts');
      writeFileSync(file, base['src/format.ts']);
      const staged = await validate(root, '--staged');
      expect(staged.exitCode).toBe(1);
      expect(staged.findings.filter((finding) => finding.introduced)).toEqual([{ rule: 'unused-export', file: 'src/format.ts', symbol: 'added', introduced: true }]);

      git(root, 'reset', '-q', 'src/format.ts');
      writeFileSync(file, `${base['src/format.ts']}export function unstaged() {}\n`);
      const clean = await validate(root, '--staged');
      expect(clean.exitCode).toBe(0);
    });
  });

  test('before the first commit everything staged is introduced; a detached HEAD works', async () => {
    const root = createGitRepo(base);
    try {
      git(root, 'add', '-A');
      const first = await validate(root, '--staged');
      expect(first.findings).toEqual([{ rule: 'unused-export', file: 'src/format.ts', symbol: 'legacy', introduced: true }]);
      commitAll(root, 'initial');
      git(root, 'checkout', '-q', '--detach');
      const detached = await validate(root, '--staged');
      expect(detached.exitCode).toBe(0);
    } finally {
      removeTemp(root);
    }
  });

  test('a staged syntax error is reported, not a crash', async () => {
    await withRepo(async (root) => {
      writeFileSync(path.join(root, 'src/format.ts'), `${base['src/format.ts']}export function (\n`);
      git(root, 'add', 'src/format.ts');
      const result = await validate(root, '--staged');
      expect(result.stderr).toBe('');
      expect(result.findings.map((finding) => finding.rule)).toContain('parse-error');
      expect(result.exitCode).toBe(0);
    });
  });

  test('--changed-since compares the working tree with the merge base', async () => {
    await withRepo(async (root) => {
      git(root, 'checkout', '-q', '-b', 'feature');
      writeFileSync(path.join(root, 'src/format.ts'), `${base['src/format.ts']}export function newer() {}\n`);
      commitAll(root, 'feature work');
      writeFileSync(path.join(root, 'src/wip.ts'), 'export const wip = 1;\n');
      const result = await validate(root, '--changed-since', 'main');
      expect(result.exitCode).toBe(1);
      expect(result.findings.filter((finding) => finding.introduced).map((finding) => finding.symbol).sort()).toEqual(['newer', 'src/wip.ts']);
    });
  });

  test('text output lists only introduced findings and says how to get past the hook', async () => {
    await withRepo(async (root) => {
      writeFileSync(path.join(root, 'src/extra.ts'), 'export const extra = 1;\n');
      git(root, 'add', 'src/extra.ts');
      const result = await runCli(['validate', '--root', root, '--staged']);
      expect(result.stdout).toContain('src/extra.ts\n  1:1     error  File `src/extra.ts` is not reachable');
      expect(result.stdout).not.toContain('legacy');
      expect(result.stdout).toContain('✖ 1 new problem (1 error, 0 warnings) in 3 files: unused-file 1');
      expect(result.stdout).toContain('1 pre-existing finding not shown: the changes did not introduce them');
      expect(result.stdout).toContain('Commit blocked by orch-guard');
      expect(result.stdout).toContain('git commit --no-verify');
    });
  });
});

describe.concurrent('bad input for the change scope', () => {
  test('--staged outside a git repository exits 2', async () => {
    await withTempProject({ 'src/index.ts': 'export {};' }, async (root) => {
      const result = await runCli(['validate', '--root', root, '--staged']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(`orch-guard: --staged: ${root} is not inside a git work tree\n`);
    });
  });

  test('an unknown ref exits 2', async () => {
    await withRepo(async (root) => {
      const result = await runCli(['validate', '--root', root, '--changed-since', 'no-such-branch']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe('orch-guard: --changed-since no-such-branch: unknown git ref\n');
    });
  });
});
