import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { validateJsonSchema } from '../support/json-schema.js';
import { copyFixture, REPO_ROOT, removeTemp, runCli } from '../support/run-cli.js';

const sarifSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/support/schemas/sarif-2.1.0-subset.schema.json'), 'utf8'));

interface JsonFinding { rule: string; severity: 'error' | 'warn'; file: string; line: number; column: number; message: string; fingerprint: string }

/** Runs `work` on a temp copy of the example shop and removes it afterwards. */
async function withShop(work: (root: string) => Promise<void>): Promise<void> {
  const root = copyFixture('example/shop');
  try {
    await work(root);
  } finally {
    removeTemp(root);
  }
}

describe.concurrent('CI reporters end to end: the example shop (6 errors, 1 warning)', () => {
  test('sarif and codeclimate to files and json to stdout, all from one run', () => withShop(async (root) => {
    const result = await runCli(['validate', '--root', root,
      '--reporter', `sarif:${root}/out.sarif`, '--reporter', `codeclimate:${root}/cq.json`, '--reporter', 'json']);
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout) as { root: string; summary: { errors: number; warnings: number }; findings: JsonFinding[] };
    expect(json.summary).toMatchObject({ errors: 6, warnings: 1 });
    expect(json.findings).toHaveLength(7);

    const sarif = JSON.parse(readFileSync(path.join(root, 'out.sarif'), 'utf8'));
    expect(validateJsonSchema(sarifSchema, sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(json.root).href}/`);
    expect(run.results.map((item: any) => ({
      rule: item.ruleId,
      ruleOfIndex: run.tool.driver.rules[item.ruleIndex].id,
      level: item.level,
      file: item.locations[0].physicalLocation.artifactLocation.uri,
      line: item.locations[0].physicalLocation.region.startLine,
      column: item.locations[0].physicalLocation.region.startColumn,
      message: item.message.text,
      fingerprint: item.partialFingerprints['orchGuard/v1'],
    }))).toEqual(json.findings.map((item) => ({
      rule: item.rule,
      ruleOfIndex: item.rule,
      level: item.severity === 'error' ? 'error' : 'warning',
      file: item.file,
      line: item.line,
      column: item.column,
      message: item.message,
      fingerprint: item.fingerprint,
    })));

    const issues = JSON.parse(readFileSync(path.join(root, 'cq.json'), 'utf8'));
    expect(issues).toEqual(json.findings.map((item) => ({
      type: 'issue',
      check_name: item.rule,
      description: item.message,
      categories: ['Clarity'],
      severity: item.severity === 'error' ? 'major' : 'minor',
      fingerprint: createHash('md5').update(item.fingerprint).digest('hex'),
      location: { path: item.file, lines: { begin: item.line } },
    })));
    expect(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size).toBe(7);
  }));

  test('github: annotations on stdout and the table appended to $GITHUB_STEP_SUMMARY', () => withShop(async (root) => {
    const summaryFile = path.join(root, 'step-summary.md');
    writeFileSync(summaryFile, 'Output of an earlier command in this step.\n\n');
    const result = await runCli(['validate', '--root', root, '--reporter', 'github'], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(result.exitCode).toBe(1);
    const annotations = result.stdout.trimEnd().split('\n');
    expect(annotations).toHaveLength(7);
    expect(annotations.filter((line) => line.startsWith('::error file='))).toHaveLength(6);
    expect(annotations.filter((line) => line.startsWith('::warning file='))).toHaveLength(1);
    expect(annotations[0]).toBe('::error file=src/cart/cart.ts,line=18,col=17,title=unused-export::'
      + 'Export `totalWithCoupon` is unused by other modules: nothing refers to it. Remove it, or wire it into the code that should use it.');
    expect(annotations).toContain('::warning file=src/lib/format.ts,line=11,col=17,title=test-only-export::'
      + 'Export `formatDate` is never used by production code: only tests use it (test/cart.test.ts (top level)). Wire it into production code, or delete it with its tests.');

    const summary = readFileSync(summaryFile, 'utf8').split('\n');
    expect(summary.slice(0, 6)).toEqual([
      'Output of an earlier command in this step.',
      '',
      '### orch-guard: 7 problems (6 errors, 1 warning) in 7 files',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
    ]);
    expect(summary[6]).toBe('| error | unused-export | src/cart/cart.ts:18 | Export &#96;totalWithCoupon&#96; is unused by other modules: '
      + 'nothing refers to it. Remove it, or wire it into the code that should use it. |');
    expect(summary.filter((line) => line.startsWith('| error |'))).toHaveLength(6);
    expect(summary.filter((line) => line.startsWith('| warning |'))).toHaveLength(1);
  }));
});
