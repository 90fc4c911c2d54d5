import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type ExpectedFinding, findFixtureCases, readExpected } from './support/fixture-cases.js';
import { validateJsonSchema } from './support/json-schema.js';
import { copyFixture, REPO_ROOT, removeTemp, runCli } from './support/run-cli.js';

const outputSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/validate-output.schema.json'), 'utf8'));

const byPosition = (a: ExpectedFinding, b: ExpectedFinding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || String(a.symbol).localeCompare(String(b.symbol));

describe.concurrent('fixture projects: exact findings of `orch-guard validate`', () => {
  for (const fixture of findFixtureCases()) {
    const expected = readExpected(fixture);
    test(`${fixture}: ${expected.description}`, async () => {
      const root = copyFixture(fixture);
      try {
        const result = await runCli(['validate', '--root', root, '--reporter', 'json', ...(expected.args ?? [])]);
        if (result.stdout === '') throw new Error(`no output (exit ${result.exitCode}): ${result.stderr}`);
        const output = JSON.parse(result.stdout);
        expect(validateJsonSchema(outputSchema, output)).toEqual([]);
        const actual = (output.findings as Array<ExpectedFinding & Record<string, unknown>>).map((finding) => {
          const wanted = expected.findings.find((entry) => entry.rule === finding.rule && entry.file === finding.file && entry.line === finding.line && entry.symbol === finding.symbol);
          return {
            rule: finding.rule,
            file: finding.file,
            line: finding.line,
            symbol: finding.symbol,
            reason: finding.reason,
            ...(wanted?.column !== undefined ? { column: finding.column } : {}),
            ...(wanted?.referrers !== undefined ? { referrers: finding.referrers } : {}),
            ...(finding.confidence !== undefined ? { confidence: finding.confidence } : {}),
          };
        });
        expect(actual.sort(byPosition)).toEqual([...expected.findings].sort(byPosition));
        const errors = expected.findings.length > 0 && output.summary.errors > 0;
        expect(result.exitCode).toBe(expected.exitCode ?? (errors ? 1 : 0));
        for (const text of expected.stderr ?? []) expect(result.stderr).toContain(text);
      } finally {
        removeTemp(root);
      }
    }, 60_000);
  }
});
