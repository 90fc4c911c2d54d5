import { describe, expect, test } from 'vitest';
import { formatGithubAnnotations, formatGithubStepSummary } from '../../src/report/github-reporter.js';
import { finding, sampleInput } from './sample-report-input.js';

const many = (count: number, severity: 'error' | 'warn') =>
  Array.from({ length: count }, (_, index) => finding({ severity, line: index + 1, fingerprint: `${severity}${index}` }));

describe('github reporter: workflow command annotations', () => {
  test('one annotation per finding, properties and data escaped as GitHub decodes them', () => {
    expect(formatGithubAnnotations(sampleInput)).toBe([
      '::error file=src/cart/cart.ts,line=18,col=17,title=unused-export::Export `totalWithCoupon` is unused by other modules: nothing refers to it.',
      '::warning file=src/lib/format.ts,line=11,col=17,title=test-only-export::Export `formatDate` is never used by production code: only tests use it.',
      // In properties `%`, `,` and `:` are encoded; in the message only `%`, CR and LF.
      '::error file=src/odd dir/50%25%2Coff%3A#1.ts,line=3,col=14,title=unused-export::'
        + 'Export `evil|name` is 100%25 unused, see:%0A<script>alert("x")</script> *now*%0D%0A[x](y) $a$ ~z~ \\ & _done_',
      '',
    ].join('\n'));
  });

  test('at most 10 errors and 10 warnings, then one notice counting the rest', () => {
    const input = { ...sampleInput, findings: [...many(12, 'error'), ...many(11, 'warn')] };
    const lines = formatGithubAnnotations(input).trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('::notice::orch-guard: 3 more findings (2 errors, 1 warning) not annotated here, '
      + 'since GitHub shows 10 annotations of each level per step; the step summary lists all 23.');
  });

  test('exactly 10 of each level needs no notice', () => {
    const input = { ...sampleInput, findings: [...many(10, 'error'), ...many(10, 'warn')] };
    expect(formatGithubAnnotations(input)).not.toContain('::notice');
  });

  test('no findings, no output', () => {
    expect(formatGithubAnnotations({ ...sampleInput, findings: [] })).toBe('');
  });
});

describe('github step summary: a markdown table of every finding', () => {
  test('every cell is shown literally: markdown and HTML characters become character references', () => {
    expect(formatGithubStepSummary(sampleInput)).toBe([
      '### orch-guard: 3 problems (2 errors, 1 warning) in 9 files',
      '',
      '| Severity | Rule | Location | Message |',
      '| --- | --- | --- | --- |',
      '| error | unused-export | src/cart/cart.ts:18 | Export &#96;totalWithCoupon&#96; is unused by other modules: nothing refers to it. |',
      '| warning | test-only-export | src/lib/format.ts:11 | Export &#96;formatDate&#96; is never used by production code: only tests use it. |',
      '| error | unused-export | src/odd dir/50%,off:#&#8203;1.ts:3 | Export &#96;evil&#124;name&#96; is 100% unused, see:<br>'
        + '&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#42;now&#42;<br>&#91;x&#93;(y) &#36;a&#36; &#126;z&#126; &#92; &#38; &#95;done&#95; |',
      '',
    ].join('\n'));
  });

  test('lists all findings, not only the annotated ones', () => {
    const summary = formatGithubStepSummary({ ...sampleInput, findings: [...many(12, 'error'), ...many(11, 'warn')] });
    expect(summary.split('\n').filter((line) => line.startsWith('| error |'))).toHaveLength(12);
    expect(summary.split('\n').filter((line) => line.startsWith('| warning |'))).toHaveLength(11);
  });

  test('stops before GitHub’s 1 MiB limit and says how many findings it left out', () => {
    const long = many(30, 'error').map((item) => ({ ...item, message: 'x'.repeat(50_000) }));
    const summary = formatGithubStepSummary({ ...sampleInput, findings: long });
    const rows = summary.split('\n').filter((line) => line.startsWith('| error |')).length;
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    expect(rows).toBeGreaterThan(0);
    expect(summary).toMatch(new RegExp(`\\n${30 - rows} more findings not listed: GitHub limits a step summary to 1 MiB\\. The json or sarif reporter lists them all\\.\\n$`));
  });

  test('no findings: one line', () => {
    expect(formatGithubStepSummary({ ...sampleInput, findings: [] })).toBe('### orch-guard: no dead code found (9 files checked)\n');
  });
});
