import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

interface Report { findings: Array<{ rule: string; file: string; symbol?: string }> }

async function unlisted(root: string): Promise<string[]> {
  const result = await runCli(['validate', '--root', root, '--reporter', 'json']);
  const report = JSON.parse(result.stdout) as Report;
  return report.findings.filter((finding) => finding.rule === 'unlisted-dependency').map((finding) => `${finding.file}#${finding.symbol ?? ''}`).sort();
}

test('an edit that drops an unlisted import is not answered from the cached knip answer', async () => {
  const root = copyFixture('unlisted-dependency/imported-not-listed');
  try {
    expect(await unlisted(root)).toEqual(['src/index.ts#date-fns', 'test/index.test.ts#supertest']);
    const source = path.join(root, 'src', 'index.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace("import { format } from 'date-fns';\n", '').replace("format(new Date(), 'yyyy')", "String(new Date().getFullYear())"));
    expect(await unlisted(root)).toEqual(['test/index.test.ts#supertest']);
  } finally {
    removeTemp(root);
  }
});
