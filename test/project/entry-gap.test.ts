import { expect, test } from 'vitest';
import { describeGap, markGapFindings } from '../../src/project/entries/entry-gap.js';

test('markGapFindings: findings in a package with a gap (its closest package) become low confidence', () => {
  const gap = { kind: 'unmapped-entry' as const, packageDir: 'packages/a', entry: 'packages/a/package.json main "dist/x.js"', fix: "entries: ['packages/a/src/x.ts']" };
  const findings = [{ file: 'packages/a/src/one.ts' }, { file: 'packages/ab/src/two.ts' }, { file: 'src/three.ts' }];
  markGapFindings(findings, [gap], ['', 'packages/a', 'packages/ab']);
  expect(findings).toEqual([
    { file: 'packages/a/src/one.ts', confidence: 'low', uncertainty: 'packages/a/package.json main "dist/x.js" is not mapped to a source file; it may be what uses this' },
    { file: 'packages/ab/src/two.ts' },
    { file: 'src/three.ts' },
  ]);
  expect(describeGap(gap)).toBe("packages/a/package.json main \"dist/x.js\" names no source file: findings in packages/a are low confidence (add `entries: ['packages/a/src/x.ts']` to orch.config.ts if that is its source)");
});

test('markGapFindings: a nested package (not a workspace) takes its own gaps and its workspace\'s, never a sibling\'s', () => {
  const siteGap = { kind: 'unreadable-config' as const, packageDir: 'site', entry: 'site/vite.config.ts', fix: 'entries: [...]' };
  const rootGap = { kind: 'unmapped-entry' as const, packageDir: 'packages/a', entry: 'packages/a/package.json main "dist/x.js"', fix: 'entries: [...]' };
  const findings = [{ file: 'site/src/one.ts' }, { file: 'docs/two.ts' }, { file: 'src/three.ts' }, { file: 'packages/a/demo/four.ts' }];
  markGapFindings(findings, [siteGap, rootGap], ['', 'packages/a'], ['site', 'docs', 'packages/a/demo']);
  expect(findings).toEqual([
    { file: 'site/src/one.ts', confidence: 'low', uncertainty: 'site/vite.config.ts is not mapped to a source file; it may be what uses this' },
    { file: 'docs/two.ts' },
    { file: 'src/three.ts' },
    { file: 'packages/a/demo/four.ts', confidence: 'low', uncertainty: 'packages/a/package.json main "dist/x.js" is not mapped to a source file; it may be what uses this' },
  ]);
});
