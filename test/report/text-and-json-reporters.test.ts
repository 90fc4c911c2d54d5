import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatJson } from '../../src/report/json-reporter.js';
import { formatText } from '../../src/report/text-reporter.js';
import { validateJsonSchema } from '../support/json-schema.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { finding, sampleInput } from './sample-report-input.js';

const outputSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/validate-output.schema.json'), 'utf8')) as Record<string, unknown>;

describe('the text reporter', () => {
  test('groups findings by file, then one summary line with counts per rule', () => {
    const input = { ...sampleInput, findings: sampleInput.findings.slice(0, 2) };
    expect(formatText(input, { color: false })).toBe([
      'src/cart/cart.ts',
      '  18:17   error  Export `totalWithCoupon` is unused by other modules: nothing refers to it.  unused-export',
      '',
      'src/lib/format.ts',
      '  11:17   warn   Export `formatDate` is never used by production code: only tests use it.  test-only-export',
      '',
      '✖ 2 problems (1 error, 1 warning) in 9 files: test-only-export 1, unused-export 1',
      '',
    ].join('\n'));
  });

  test('counts but does not list baselined findings; says so', () => {
    const input = { ...sampleInput, findings: [finding({ baselined: true })] };
    expect(formatText(input, { color: false })).toBe('✔ No dead code found (9 files checked)\n  1 finding accepted by the baseline not shown\n');
  });

  test('a passed gate', () => {
    const input = { ...sampleInput, findings: [], gate: { phase: 'validate' as const, verdict: 'pass' as const, pending: [] } };
    expect(formatText(input, { color: false })).toBe('Gate validate: PASSED\n\n✔ Gate validate passed (9 files checked)\n');
  });
});

describe('the JSON reporter', () => {
  test('matches its published schema, with a summary that counts what it lists', () => {
    const output = JSON.parse(formatJson(sampleInput)) as { summary: unknown; findings: Array<{ rule: string; severity: string }> };
    expect(validateJsonSchema(outputSchema, output)).toEqual([]);
    expect(output.summary).toEqual({ files: 9, findings: 3, errors: 2, warnings: 1, byRule: { 'test-only-export': 1, 'unused-export': 2 } });
    expect(output.findings.map(({ rule, severity }) => `${rule} ${severity}`)).toEqual(['unused-export error', 'test-only-export warn', 'unused-export error']);
  });
});
