import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { byPosition, comparable, type ExpectedFinding, findFixtureCases, readExpected } from '../support/fixture-cases.js';
import { validateJsonSchema } from '../support/json-schema.js';
import { copyFixture, REPO_ROOT, removeTemp, runCli } from '../support/run-cli.js';

const outputSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/validate-output.schema.json'), 'utf8')) as Record<string, unknown>;

/**
 * The same expectations as test/fixtures.test.ts, through the built CLI as a user runs it, for
 * the example project and every case that passes flags or expects an exit code or notices:
 * flag parsing, the JSON reporter on stdout, notices on stderr and exit codes end to end.
 */
const CLI_CASES = findFixtureCases().filter((fixture) => {
  const expected = readExpected(fixture);
  return fixture.startsWith('example/') || expected.args !== undefined || expected.exitCode !== undefined || expected.stderr !== undefined;
});

describe.concurrent('fixture projects through the built CLI: `orch-guard validate --reporter json`', () => {
  for (const fixture of CLI_CASES) {
    const expected = readExpected(fixture);
    test(`${fixture}: ${expected.description}`, async () => {
      const root = copyFixture(fixture);
      try {
        const result = await runCli(['validate', '--root', root, '--reporter', 'json', ...(expected.args ?? [])]);
        if (result.stdout === '') throw new Error(`no output (exit ${result.exitCode}): ${result.stderr}`);
        const output = JSON.parse(result.stdout) as { findings: Array<ExpectedFinding & Record<string, unknown>>; summary: { errors: number } };
        expect(validateJsonSchema(outputSchema, output)).toEqual([]);
        expect(comparable(output.findings, expected.findings).sort(byPosition)).toEqual([...expected.findings].sort(byPosition));
        expect(result.exitCode).toBe(expected.exitCode ?? (output.summary.errors > 0 ? 1 : 0));
        for (const text of expected.stderr ?? []) expect(result.stderr).toContain(text);
      } finally {
        removeTemp(root);
      }
    }, 60_000);
  }
});
