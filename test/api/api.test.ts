import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { copyFixture, REPO_ROOT, removeTemp } from '../support/run-cli.js';

// The built package, as users import it (its config loader points `orch-guard` imports at it).
const { cleanup, ConfigError, format, gate, UsageError, validate } = await import(pathToFileURL(path.join(REPO_ROOT, 'dist/src/index.js')).href) as typeof import('../../src/index.js');

const run = promisify(execFile);

/** Runs a script in a child process and returns its exit code and output. */
async function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function withFixture<T>(fixture: string, work: (root: string) => Promise<T>): Promise<T> {
  const root = copyFixture(fixture);
  try {
    return await work(root);
  } finally {
    removeTemp(root);
  }
}

describe('the programmatic API', () => {
  test('the README example (fixtures/api/validate-shop.mjs) runs against the built package', async () => {
    await withFixture('example/shop', async (root) => {
      const result = await node(['fixtures/api/validate-shop.mjs', root]);
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n').slice(0, 8)).toEqual([
        '6 errors, 1 warnings in 7 files',
        'unused-export src/cart/cart.ts:18 totalWithCoupon',
        'unused-file src/cart/coupons.ts:1 src/cart/coupons.ts',
        'unused-enum-member src/cart/types.ts:1 Currency.GBP',
        'unused-type src/cart/types.ts:14 Wishlist',
        'dead-code src/lib/format.ts:7 formatPercent',
        'test-only-export src/lib/format.ts:11 formatDate',
        'unused-file src/lib/legacy-format.ts:1 src/lib/legacy-format.ts',
      ]);
      expect(result.stdout).toContain('✖ 7 problems (6 errors, 1 warning) in 7 files');
    });
  });

  test('importing defineConfig loads neither SQLite nor TypeScript; validate() does', async () => {
    const probe = (body: string) => node(['--input-type=module', '-e', [
      "import { createRequire } from 'node:module';",
      "const api = await import('orch-guard');",
      body,
      "const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => /node_modules\\/(better-sqlite3|typescript|ts-morph)\\//.test(file));",
      'console.log(JSON.stringify([...new Set(loaded.map((file) => file.match(/node_modules\\/([^/]+)\\//)[1]))].sort()));',
    ].join('\n')]);
    const light = await probe("api.defineConfig({ entries: ['src/x.ts'] });");
    expect(light.stderr).toBe('');
    expect(JSON.parse(light.stdout)).toEqual([]);
    await withFixture('example/shop', async (root) => {
      const heavy = await probe(`await api.validate({ root: ${JSON.stringify(root)} });`);
      expect(JSON.parse(heavy.stdout)).toContain('better-sqlite3');
    });
  });

  test('validate() returns findings, summary and exit code; format() renders any reporter', async () => {
    await withFixture('circular-import/two-files', async (root) => {
      const result = await validate({ root });
      expect(result.exitCode).toBe(0);
      expect(result.summary).toEqual({ files: 4, findings: 1, errors: 0, warnings: 1, byRule: { 'circular-import': 1 } });
      expect(result.findings.map((finding) => [finding.rule, finding.file, finding.line])).toEqual([['circular-import', 'src/order.ts', 1]]);
      const json = JSON.parse(await format(result, 'json'));
      expect(json.summary).toEqual(result.summary);
      expect(await format(result, 'text')).toContain('⚠ 1 problem (0 errors, 1 warning) in 4 files: circular-import 1');
    });
  });

  test('bad input throws the exported error classes, with the one-line message the CLI prints', async () => {
    await withFixture('circular-import/two-files', async (root) => {
      writeFileSync(path.join(root, 'orch.config.ts'), "export default { rules: { 'circular-import': 'loud' } };\n");
      await expect(validate({ root })).rejects.toBeInstanceOf(ConfigError);
      await expect(validate({ root })).rejects.toThrow('orch.config.ts: rules.circular-import: expected one of "error", "warn", "off"');
      await expect(validate({ root, staged: true, changedSince: 'main' })).rejects.toBeInstanceOf(UsageError);
    });
  });

  test('gate() and cleanup(): a blocked validate gate with its findings, a dry-run cleanup', async () => {
    await withFixture('graph/shop', async (root) => {
      await expect(gate('build', { root })).rejects.toThrow('gate build: --component <name> is required');
      const verdict = await gate('validate', { root });
      expect(verdict.exitCode).toBe(1);
      expect(verdict.gate?.verdict).toBe('blocked');
      expect(verdict.findings.map((finding) => finding.rule).sort()).toEqual(['boundary-violation', 'unused-file']);
      const dryRun = await cleanup({ root });
      expect(dryRun.mode).toBe('dry-run');
      expect(dryRun.items.map((item) => [item.action, item.file])).toEqual([['delete-file', 'src/audit/log.ts']]);
      expect(dryRun.exitCode).toBe(1);
    });
  });
});
