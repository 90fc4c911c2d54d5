import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatJson } from '../src/report/json-reporter.js';
import { validateProject } from '../src/validate/run-validate.js';
import { byPosition, comparable, type ExpectedFinding, findFixtureCases, readExpected } from './support/fixture-cases.js';
import { validateJsonSchema } from './support/json-schema.js';
import { copyFixture, REPO_ROOT, removeTemp } from './support/run-cli.js';

const outputSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/validate-output.schema.json'), 'utf8')) as Record<string, unknown>;

/**
 * Every fixture project, analysed in-process through the library (what `orch-guard validate
 * --reporter json` runs): the JSON output must match its schema and the findings must be exactly
 * the expected ones, severity included. test/cli/fixtures-cli.test.ts runs a few through the built CLI.
 */
describe('fixture projects: exact findings of validate', () => {
  for (const fixture of findFixtureCases()) {
    const expected = readExpected(fixture);
    test(`${fixture}: ${expected.description}`, async () => {
      const root = copyFixture(fixture);
      try {
        const args = expected.args ?? [];
        const result = await validateProject({
          root,
          production: args.includes('--production'),
          ...(args.includes('--include-entry-exports') ? { includeEntryExports: true } : {}),
          useCache: true,
        });
        const output = JSON.parse(formatJson(result)) as { findings: Array<ExpectedFinding & Record<string, unknown>>; summary: { errors: number } };
        expect(validateJsonSchema(outputSchema, output)).toEqual([]);
        expect(comparable(output.findings, expected.findings).sort(byPosition)).toEqual([...expected.findings].sort(byPosition));
        expect(result.exitCode).toBe(expected.exitCode ?? (output.summary.errors > 0 ? 1 : 0));
        const stderr = result.notices.map((notice) => `orch-guard: ${notice}\n`).join('');
        for (const text of expected.stderr ?? []) expect(stderr).toContain(text);
      } finally {
        removeTemp(root);
      }
    }, 60_000);
  }
});
