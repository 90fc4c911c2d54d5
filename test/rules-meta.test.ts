import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allRules } from '../rules/index.js';
import { ruleDocumentation } from '../src/rule-engine/rule-docs.js';
import { REPO_ROOT } from './support/run-cli.js';
import { findFixtureCases, readExpected } from './support/fixture-cases.js';

const cases = findFixtureCases().map((fixture) => ({ fixture, findings: readExpected(fixture).findings }));

describe('every rule is documented and has fixtures it must flag and must not flag', () => {
  test('rule ids are unique and kebab-case', () => {
    const ids = allRules.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  for (const rule of allRules) {
    test(rule.meta.id, () => {
      const { meta } = rule;
      expect(meta.description.length).toBeGreaterThan(10);
      for (const field of ['flags', 'why', 'fix', 'flaggedExample', 'cleanExample'] as const) {
        expect(meta.docs[field].length, `${meta.id} docs.${field}`).toBeGreaterThan(5);
      }
      expect(readFileSync(path.join(REPO_ROOT, 'docs/rules', `${meta.id}.md`), 'utf8'), `docs/rules/${meta.id}.md is generated from the rule (npm run docs)`).toBe(ruleDocumentation(rule));
      expect(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), `README lists ${meta.id}`).toContain(`| \`${meta.id}\` |`);
      const own = cases.filter(({ fixture }) => fixture.startsWith(`${meta.id}/`));
      expect(own.some(({ findings }) => findings.some((finding) => finding.rule === meta.id)), `${meta.id}: a fixture it flags`).toBe(true);
      expect(own.some(({ findings }) => !findings.some((finding) => finding.rule === meta.id)), `${meta.id}: a fixture it must not flag`).toBe(true);
    });
  }
});
