import { describe, expect, test } from 'vitest';
import { allRules } from '../rules/index.js';
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
      const own = cases.filter(({ fixture }) => fixture.startsWith(`${meta.id}/`));
      expect(own.some(({ findings }) => findings.some((finding) => finding.rule === meta.id)), `${meta.id}: a fixture it flags`).toBe(true);
      expect(own.some(({ findings }) => !findings.some((finding) => finding.rule === meta.id)), `${meta.id}: a fixture it must not flag`).toBe(true);
    });
  }
});
