import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allRules } from '../../rules/index.js';
import { formatSarif } from '../../src/report/sarif-reporter.js';
import { validateJsonSchema } from '../support/json-schema.js';
import { REPO_ROOT } from '../support/run-cli.js';
import { finding, sampleInput } from './sample-report-input.js';

const sarifSchema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/support/schemas/sarif-2.1.0-subset.schema.json'), 'utf8'));
const packageVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const sarif = (input = sampleInput) => JSON.parse(formatSarif(input));
const ruleIndex = (id: string) => allRules.findIndex((rule) => rule.meta.id === id);
const location = (uri: string, startLine: number, startColumn: number) =>
  [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine, startColumn } } }];

describe('sarif reporter: SARIF 2.1.0 for GitHub code scanning', () => {
  test('is valid against the SARIF 2.1.0 schema subset', () => {
    expect(validateJsonSchema(sarifSchema, sarif())).toEqual([]);
  });

  test('one run by orch-guard, with its version and every rule in allRules order', () => {
    const log = sarif();
    expect(log.$schema).toBe('https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect({ ...driver, rules: undefined }).toEqual({ name: 'orch-guard', informationUri: 'https://www.npmjs.com/package/orch-guard', version: packageVersion, rules: undefined });
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(allRules.map((rule) => rule.meta.id));
  });

  test('rule metadata comes from the rule docs', () => {
    const [rule] = allRules.filter((candidate) => candidate.meta.id === 'test-only-export');
    const { meta } = rule;
    const described = sarif().runs[0].tool.driver.rules[ruleIndex('test-only-export')];
    expect(described.shortDescription).toEqual({ text: meta.description });
    expect(described.fullDescription).toEqual({ text: meta.docs.flags });
    expect(described.help.text).toBe(`${meta.docs.why}\n\n${meta.docs.fix}`);
    expect(described.help.markdown).toContain(`\`\`\`ts\n${meta.docs.flaggedExample}\n\`\`\``);
    expect(described.help.markdown).toContain(`\`\`\`ts\n${meta.docs.cleanExample}\n\`\`\``);
    expect(described.defaultConfiguration).toEqual({ level: 'warning' });
  });

  test('results: rule, level, message, percent-encoded relative location and the fingerprint', () => {
    const run = sarif().runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/ci/shop/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toEqual([
      {
        ruleId: 'unused-export',
        ruleIndex: ruleIndex('unused-export'),
        level: 'error',
        message: { text: 'Export `totalWithCoupon` is unused by other modules: nothing refers to it.' },
        locations: location('src/cart/cart.ts', 18, 17),
        partialFingerprints: { 'orchGuard/v1': '5c0052bb36e1bd4b' },
      },
      {
        ruleId: 'test-only-export',
        ruleIndex: ruleIndex('test-only-export'),
        level: 'warning',
        message: { text: 'Export `formatDate` is never used by production code: only tests use it.' },
        locations: location('src/lib/format.ts', 11, 17),
        partialFingerprints: { 'orchGuard/v1': '9a8b7c6d5e4f3a2b' },
      },
      {
        ruleId: 'unused-export',
        ruleIndex: ruleIndex('unused-export'),
        level: 'error',
        // JSON carries the message as it is; only the path must become a URI reference.
        message: { text: 'Export `evil|name` is 100% unused, see:\n<script>alert("x")</script> *now*\r\n[x](y) $a$ ~z~ \\ & _done_' },
        locations: location('src/odd%20dir/50%25%2Coff%3A%231.ts', 3, 14),
        partialFingerprints: { 'orchGuard/v1': '0f1e2d3c4b5a6978:2' },
      },
    ]);
  });

  test('a root with a space is a valid base URI', () => {
    const log = sarif({ ...sampleInput, root: '/srv/my shop' });
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///srv/my%20shop/');
    expect(validateJsonSchema(sarifSchema, log)).toEqual([]);
  });

  test('a finding of a rule outside allRules has a ruleId but no ruleIndex', () => {
    const [result] = sarif({ ...sampleInput, findings: [finding({ rule: 'from-elsewhere' })] }).runs[0].results;
    expect(result.ruleId).toBe('from-elsewhere');
    expect(result).not.toHaveProperty('ruleIndex');
  });

  test('the schema rejects what GitHub would reject', () => {
    const broken = (change: (log: any) => void) => {
      const log = sarif();
      change(log);
      return validateJsonSchema(sarifSchema, log);
    };
    expect(broken((log) => (log.version = '2.0.0'))).toEqual(['/version: must be equal to constant']);
    expect(broken((log) => (log.runs[0].results[0].level = 'warn'))).toEqual(['/runs/0/results/0/level: must be equal to one of the allowed values']);
    expect(broken((log) => (log.runs[0].results[0].partialFingerprints['orchGuard/v1'] = 1))).toHaveLength(1);
    expect(broken((log) => delete log.runs[0].results[0].message)).toEqual(["/runs/0/results/0: must have required property 'message'"]);
    expect(broken((log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'src/odd dir/a.ts'))).toHaveLength(1);
    expect(broken((log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'file:///src/a.ts'))).toHaveLength(1);
    expect(broken((log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0))).toHaveLength(1);
    expect(broken((log) => (log.runs[0].originalUriBaseIds['%SRCROOT%'].uri = 'file:///home/ci/shop'))).toHaveLength(1);
    expect(broken((log) => (log.runs[0].tool.driver.rules[0].shortDescription = 'text'))).toHaveLength(1);
  });
});
