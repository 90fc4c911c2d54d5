import { describe, expect, test } from 'vitest';
import { formatCodeClimate } from '../../src/report/codeclimate-reporter.js';
import { finding, hostileFinding, sampleInput } from './sample-report-input.js';

describe('codeclimate reporter: GitLab Code Quality issues', () => {
  test('one issue per finding; fingerprint is the MD5 of the finding fingerprint', () => {
    const output = formatCodeClimate(sampleInput);
    expect(output.endsWith(']\n')).toBe(true);
    expect(JSON.parse(output)).toEqual([
      {
        type: 'issue',
        check_name: 'unused-export',
        description: 'Export `totalWithCoupon` is unused by other modules: nothing refers to it.',
        categories: ['Clarity'],
        severity: 'major',
        fingerprint: 'ea7b41e7e00136952a4f4497596bf50a',
        location: { path: 'src/cart/cart.ts', lines: { begin: 18 } },
      },
      {
        type: 'issue',
        check_name: 'test-only-export',
        description: 'Export `formatDate` is never used by production code: only tests use it.',
        categories: ['Clarity'],
        severity: 'minor',
        fingerprint: '44ac611643adb29e38424e9d94750c0f',
        location: { path: 'src/lib/format.ts', lines: { begin: 11 } },
      },
      {
        type: 'issue',
        check_name: 'unused-export',
        // JSON needs no escaping beyond JSON's own: the text arrives unchanged.
        description: hostileFinding.message,
        categories: ['Clarity'],
        severity: 'major',
        fingerprint: '54ee2d064592cd6a4b23a92fcb8b706c',
        location: { path: 'src/odd dir/50%,off:#1.ts', lines: { begin: 3 } },
      },
    ]);
  });

  test('a repeated identity (`:2`) gets its own fingerprint, as GitLab requires', () => {
    const input = { ...sampleInput, findings: [finding({ fingerprint: '0f1e2d3c4b5a6978' }), finding({ fingerprint: '0f1e2d3c4b5a6978:2' })] };
    const fingerprints = (JSON.parse(formatCodeClimate(input)) as Array<{ fingerprint: string }>).map((issue) => issue.fingerprint);
    expect(fingerprints).toEqual(['b64ce5b9d439392a8d2b1a2d07a89733', '54ee2d064592cd6a4b23a92fcb8b706c']);
  });

  test('no findings: an empty array', () => {
    expect(formatCodeClimate({ ...sampleInput, findings: [] })).toBe('[]\n');
  });
});
