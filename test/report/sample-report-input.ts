import type { Finding } from '../../src/rule-engine/finding.js';
import type { ReportInput } from '../../src/report/report-input.js';

/** A finding with every field set; tests override what they are about. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'unused-export',
    severity: 'error',
    file: 'src/cart/cart.ts',
    line: 18,
    column: 17,
    symbol: 'totalWithCoupon',
    kind: 'function',
    reason: 'unreferenced',
    message: 'Export `totalWithCoupon` is unused by other modules: nothing refers to it.',
    fingerprint: '5c0052bb36e1bd4b',
    ...overrides,
  };
}

/**
 * Names and text a CI format must not let through raw: a path with a space and the characters
 * workflow commands and URIs give a meaning (`%`, `,`, `:`, `#`), and a message with a newline,
 * markdown syntax and HTML.
 */
export const hostileFinding = finding({
  file: 'src/odd dir/50%,off:#1.ts',
  line: 3,
  column: 14,
  symbol: 'evil|name',
  message: 'Export `evil|name` is 100% unused, see:\n<script>alert("x")</script> *now*\r\n[x](y) $a$ ~z~ \\ & _done_',
  fingerprint: '0f1e2d3c4b5a6978:2',
});

/** Two errors (one hostile) and a warning, as the analysis would report them. */
export const sampleInput: ReportInput = {
  root: '/home/ci/shop',
  fileCount: 9,
  findings: [
    finding(),
    finding({
      rule: 'test-only-export',
      severity: 'warn',
      file: 'src/lib/format.ts',
      line: 11,
      column: 17,
      symbol: 'formatDate',
      reason: 'only-referenced-by-tests',
      referrers: ['test/cart.test.ts (top level)'],
      message: 'Export `formatDate` is never used by production code: only tests use it.',
      fingerprint: '9a8b7c6d5e4f3a2b',
    }),
    hostileFinding,
  ],
};
