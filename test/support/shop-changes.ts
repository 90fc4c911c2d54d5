import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { copyFixture, removeTemp } from './run-cli.js';

// Changes to fixtures/example/shop that only what loading the project reads can see: a new
// file, and a manifest that makes it a program (an entry) without any source file changing.

/** A new file that uses `formatDate`; nothing imports it, so it is unused until an entry. */
export const REPORT_SOURCE = "import { formatDate } from './lib/format.js';\n\nexport const stamp = formatDate(new Date(0));\n";

export function addReport(root: string): void {
  writeFileSync(path.join(root, 'src/report.ts'), REPORT_SOURCE);
}

/** The shop's package.json with src/report.ts named as a program (`bin`, built to dist/). */
export function makeReportAProgram(root: string): void {
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module', main: 'dist/index.js', bin: { report: 'dist/src/report.js' } }));
}

/** Temp copies of the shop, removed after each test. */
export function shopCopies(): () => string {
  let roots: string[] = [];
  afterEach(() => {
    for (const root of roots) removeTemp(root);
    roots = [];
  });
  return () => {
    const root = copyFixture('example/shop');
    roots.push(root);
    return root;
  };
}
