import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { withTempProject } from '../support/temp-project.js';

const files = {
  'package.json': '{ "name": "app", "type": "module", "main": "src/index.ts" }',
  'src/index.ts': "import { a } from './lib';\nexport const main = a;\n",
  'src/lib.ts': 'export const a = 1;\nexport const old1 = 2;\nexport const old2 = 3;\n',
};

const validateJson = async (root: string, ...args: string[]) => {
  const result = await runCli(['validate', '--root', root, '--reporter', 'json', ...args]);
  return { ...result, output: JSON.parse(result.stdout) as { findings: Array<{ rule: string; symbol: string; baselined?: boolean; line: number }> } };
};

describe.concurrent('baseline: accept today, fail on anything new', () => {
  test('save, then only new findings fail; line moves keep matching; fixed entries are stale until pruned', async () => {
    await withTempProject(files, async (root) => {
      const saved = await runCli(['baseline', 'save', '--root', root]);
      expect(saved.stdout).toBe('Baseline orch-guard-baseline.json: 2 entries (2 added, 0 removed)\n'.replace('orch-guard-baseline.json', path.relative(process.cwd(), path.join(root, 'orch-guard-baseline.json'))));
      const baseline = JSON.parse(readFileSync(path.join(root, 'orch-guard-baseline.json'), 'utf8'));
      expect(baseline.version).toBe(1);
      expect(baseline.findings.map((entry: { symbol: string }) => entry.symbol)).toEqual(['old1', 'old2']);

      const accepted = await runCli(['validate', '--root', root]);
      expect(accepted.exitCode).toBe(0);
      expect(accepted.stdout).toContain('✔ No dead code found');
      expect(accepted.stdout).toContain('2 findings accepted by the baseline not shown');

      // Moving lines and reformatting keeps the fingerprints.
      writeFileSync(path.join(root, 'src/lib.ts'), '\n\nexport const a = 1;\n\nexport   const old1 = 2;\nexport const old2 = 3;\nexport const fresh = 4;\n');
      const moved = await validateJson(root);
      expect(moved.exitCode).toBe(1);
      expect(moved.output.findings.map(({ symbol, baselined }) => ({ symbol, baselined }))).toEqual([
        { symbol: 'old1', baselined: true }, { symbol: 'old2', baselined: true }, { symbol: 'fresh', baselined: undefined },
      ]);

      writeFileSync(path.join(root, 'src/lib.ts'), 'export const a = 1;\nexport const old2 = 3;\n');
      const stale = await validateJson(root);
      expect(stale.exitCode).toBe(0);
      expect(stale.output.findings.filter((finding) => finding.rule === 'stale-baseline').map(({ symbol }) => symbol)).toEqual(['old1']);

      const pruned = await runCli(['baseline', 'prune', '--root', root]);
      expect(pruned.stdout).toMatch(/: 1 entries \(1 removed\)\n$/);
      expect((await validateJson(root)).output.findings.map(({ rule, symbol }) => `${rule}:${symbol}`)).toEqual(['unused-export:old2']);
    });
  });

  test('--no-baseline ignores it; an expired entry counts again with a notice', async () => {
    await withTempProject(files, async (root) => {
      await runCli(['baseline', 'save', '--root', root, '--expires', '2000-01-01']);
      const expired = await runCli(['validate', '--root', root]);
      expect(expired.exitCode).toBe(1);
      expect(expired.stderr).toContain('baseline entry for unused-export old1 expired on 2000-01-01: it counts again');
      await runCli(['baseline', 'save', '--root', root, '--file', 'other.json']);
      expect((await runCli(['validate', '--root', root, '--baseline', 'other.json'])).exitCode).toBe(0);
      expect((await runCli(['validate', '--root', root, '--no-baseline'])).exitCode).toBe(1);
    });
  });

  test('a malformed or newer baseline file exits 2 with one line', async () => {
    await withTempProject({ ...files, 'orch-guard-baseline.json': '{ "version": 1, "findings": [' }, async (root) => {
      const malformed = await runCli(['validate', '--root', root]);
      expect(malformed.exitCode).toBe(2);
      expect(malformed.stderr).toMatch(/^orch-guard: orch-guard-baseline\.json: malformed baseline \(.*\)\n$/);
      writeFileSync(path.join(root, 'orch-guard-baseline.json'), '{ "version": 9, "findings": [] }');
      const newer = await runCli(['validate', '--root', root]);
      expect(newer.stderr).toBe('orch-guard: orch-guard-baseline.json: baseline version 9 is newer than this orch-guard supports (1); upgrade orch-guard\n');
      const missing = await runCli(['validate', '--root', root, '--baseline', 'nope.json']);
      expect(missing.stderr).toBe('orch-guard: --baseline nope.json: no such file\n');
    });
  });
});
