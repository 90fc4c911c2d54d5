import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { runFaultCli, withFaultProject } from './fault-cli.js';

const unusedSymbols = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ symbol: string | null }> }).findings.map((finding) => finding.symbol);

describe.concurrent('the cache is keyed by content, not by size and mtime', () => {
  test('a same-size edit with the mtime kept is seen', async () => {
    await withFaultProject({
      'package.json': '{ "name": "app", "main": "src/index.ts" }',
      'src/index.ts': "import { a } from './a';\nconsole.log(a);\n",
      'src/a.ts': 'export const a = 1;\nexport const b = 2;\n',
    }, async (root) => {
      // An mtime in whole seconds, as git checkout, tar or rsync -t leave it; and files older
      // than the scan, the ones whose stat a cache trusts.
      const file = path.join(root, 'src/a.ts');
      const mtime = Math.floor(Date.now() / 1000) - 3600;
      utimesSync(file, mtime, mtime);
      await sleep(2_500);
      expect(unusedSymbols((await runFaultCli(['validate', '--root', root, '--reporter', 'json'])).stdout)).toEqual(['b']);
      expect(unusedSymbols((await runFaultCli(['validate', '--root', root, '--reporter', 'json'])).stdout)).toEqual(['b']);
      writeFileSync(file, 'export const a = 1;\nexport const c = 2;\n');
      utimesSync(file, mtime, mtime);
      expect(statSync(file).size).toBe(40);
      const after = await runFaultCli(['validate', '--root', root, '--reporter', 'json']);
      expect(unusedSymbols(after.stdout)).toEqual(['c']);
    });
  }, 60_000);

  test('raising maxFileSizeKb re-reads a file skipped as too large; the notice stays until then', async () => {
    const big = `export const used = 1;\nexport const notUsed = 2;\n// ${'x'.repeat(3000)}\n`;
    await withFaultProject({
      'package.json': '{ "name": "app", "main": "src/index.ts" }',
      'src/index.ts': "import { used } from './big';\nconsole.log(used);\n",
      'src/big.ts': big,
      'orch.config.json': '{ "maxFileSizeKb": 2 }',
    }, async (root) => {
      const notice = 'orch-guard: src/big.ts: 3 KB is over the size limit (maxFileSizeKb), not parsed; its imports still count';
      const first = await runFaultCli(['validate', '--root', root, '--reporter', 'json']);
      expect(first.stderr).toContain(notice);
      expect(unusedSymbols(first.stdout)).toEqual([]);
      const second = await runFaultCli(['validate', '--root', root, '--reporter', 'json']);
      expect(second.stderr).toContain(notice);
      writeFileSync(path.join(root, 'orch.config.json'), '{ "maxFileSizeKb": 64 }');
      const raised = await runFaultCli(['validate', '--root', root, '--reporter', 'json']);
      expect(raised.stderr).toBe('');
      expect(unusedSymbols(raised.stdout)).toEqual(['notUsed']);
      expect(readFileSync(path.join(root, 'src/big.ts'), 'utf8')).toBe(big);
    });
  }, 60_000);
});
