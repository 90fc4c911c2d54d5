import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/rule-engine/finding.js';
import { formatMarkdownReport } from '../../src/report/markdown-report.js';
import { commitAll, createGitRepo, git } from '../support/git-repo.js';
import { removeTemp, runCli } from '../support/run-cli.js';

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'unused-export', severity: 'error', file: 'src/a.ts', line: 1, column: 1, symbol: 'a', kind: 'function',
  reason: 'unreferenced', message: 'm', fingerprint: '0000000000000000', ...overrides,
});

describe('orch-guard report --format markdown', () => {
  test('a base/head pair: exact text, with the marker a CI step uses to update its comment', async () => {
    const root = createGitRepo({
      'package.json': '{ "name": "app", "type": "module", "main": "src/index.ts" }',
      'src/index.ts': "import { used } from './lib';\nexport const main = used();\n",
      'src/lib.ts': 'export function used() { return 1; }\nexport function old() { return 2; }\nexport function stays() { return 3; }\n',
    });
    try {
      commitAll(root, 'base');
      git(root, 'checkout', '-q', '-b', 'feature');
      writeFileSync(path.join(root, 'src/lib.ts'), 'export function used() { return 1; }\nexport function stays() { return 3; }\nexport function fresh() {\n  return 4;\n}\n');
      const summaryFile = path.join(mkdtempSync(path.join(tmpdir(), 'orch-guard-summary-')), 'summary.md');
      const result = await runCli(['report', '--base', 'main', '--root', root], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe([
        '<!-- orch-guard-report -->',
        '## orch-guard: dead code report',
        '',
        '**1 introduced**, 1 resolved, 2 remaining (against main).',
        '',
        '| rule | introduced | resolved | remaining |',
        '| --- | ---: | ---: | ---: |',
        '| unused-export | 1 | 1 | 2 |',
        '',
        '### Introduced',
        '',
        '| | location | rule | symbol | reason |',
        '| --- | --- | --- | --- | --- |',
        '| error | src/lib.ts:3 | unused-export | fresh | unreferenced |',
        '',
        '<details><summary>1 finding resolved</summary>',
        '',
        '| | location | rule | symbol | reason |',
        '| --- | --- | --- | --- | --- |',
        '| error | src/lib.ts:2 | unused-export | old | unreferenced |',
        '',
        '</details>',
        '',
        '**Cleanup:** `orch-guard cleanup --fix` would make 2 removals, removing **4 lines**.',
        '',
      ].join('\n'));
      expect(readFileSync(summaryFile, 'utf8')).toBe(`${result.stdout}\n`);
      removeTemp(path.dirname(summaryFile));
    } finally {
      removeTemp(root);
    }
  }, 60_000);

  test('hostile symbol names and paths cannot break the table or inject HTML', () => {
    const markdown = formatMarkdownReport({
      head: [finding({ file: 'src/a|b.ts', symbol: '`x`|<script>alert(1)</script>', fingerprint: '1111111111111111' })],
      base: [],
      baseLabel: 'main<img src=x>',
      cleanup: { removals: 0, removedLines: 0 },
    });
    expect(markdown).toContain('| error | src/a&#124;b.ts:1 | unused-export | &#96;x&#96;&#124;&#60;script&#62;alert(1)&#60;/script&#62; | unreferenced |');
    expect(markdown).toContain('(against main&#60;img src=x&#62;)');
    expect(markdown).not.toMatch(/<script|<img/);
  });

  test('long lists go inside <details>', () => {
    const head = Array.from({ length: 25 }, (_, index) => finding({ symbol: `s${index}`, line: index + 1, fingerprint: `${String(index).padStart(16, '0')}` }));
    const markdown = formatMarkdownReport({ head, base: [], baseLabel: 'main', cleanup: { removals: 25, removedLines: 50 } });
    expect(markdown).toContain('<details><summary>5 more findings</summary>');
    expect(markdown.split('\n').filter((line) => line.startsWith('| error |'))).toHaveLength(25);
  });
});
