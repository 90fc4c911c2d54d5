import { describe, expect, test } from 'vitest';
import { keepStatementsApart } from '../../src/cleanup/statement-joins.js';

describe('keepStatementsApart', () => {
  test('code with semicolons or without a line that continues the one before is left as edited', () => {
    const original = 'const a = f();\nfunction u() {}\n(g)();\n';
    const edited = 'const a = f();\n(g)();\n';
    expect(keepStatementsApart(original, edited, 'a.ts')).toBe(edited);
    expect(keepStatementsApart('const a = 1\nfunction u() {}\nb()\n', 'const a = 1\nb()\n', 'a.js')).toBe('const a = 1\nb()\n');
  });

  test('a line starting with ( [ or ` that the removal joined to the line before gets a `;`', () => {
    const original = 'const a = f()\nfunction u() {}\n(g)()\nclass V {}\n[1].map(h)\n';
    const edited = 'const a = f()\n(g)()\n[1].map(h)\n';
    expect(keepStatementsApart(original, edited, 'a.js')).toBe('const a = f()\n;(g)()\n;[1].map(h)\n');
  });

  test('a hazard removed with the cleanup needs nothing', () => {
    expect(keepStatementsApart('const a = f()\nfunction u() {}\n', 'const a = f()\n', 'a.js')).toBe('const a = f()\n');
  });
});
