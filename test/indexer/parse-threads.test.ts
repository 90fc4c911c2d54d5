import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { extractFileFacts } from '../../src/indexer/extract/extract-file-facts.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';
import { removeTemp, runCli } from '../support/run-cli.js';
import { writeTempProject } from '../support/temp-project.js';

const roots: string[] = [];
afterEach(() => {
  while (roots.length > 0) removeTemp(roots.pop() as string);
});

/** A module of about 10 KB: functions with bodies, a class, imports from the module before it. */
function generatedModule(index: number): string {
  const lines = index === 0 ? [] : [`import { helper${index - 1}_0, Store${index - 1} } from './module-${index - 1}';`];
  for (let part = 0; part < 50; part += 1) {
    lines.push(
      `export function helper${index}_${part}(items: number[], label = 'part ${part}'): string {`,
      `  const kept = items.filter((item) => item % ${part + 2} !== 0).map((item) => item * ${index + 1});`,
      `  return \`\${label}: \${kept.join(', ')}\`${index === 0 ? '' : ` + helper${index - 1}_0([${part}])`};`,
      '}',
    );
  }
  lines.push(`export class Store${index} { private readonly values = new Map<string, number>(); read(key: string) { return this.values.get(key) ?? ${index === 0 ? 0 : `new Store${index - 1}().read(key)`}; } }`);
  return `${lines.join('\n')}\n`;
}

test('a cold run parses a project on several threads and stores the facts one thread would extract', async () => {
  const files: Record<string, string> = { 'package.json': '{ "name": "big", "main": "src/module-0.ts" }' };
  for (let index = 0; index < 48; index += 1) files[`src/module-${index}.ts`] = generatedModule(index);
  const root = writeTempProject(files);
  roots.push(root);
  const bytes = Object.values(files).reduce((sum, text) => sum + text.length, 0);
  // Two parse threads (where there are two cores) at 200 KB a thread.
  expect(bytes).toBeGreaterThan(400_000);

  const run = await runCli(['validate', '--root', root, '--reporter', 'json'], { env: { ORCH_GUARD_PARSE_THREAD_BYTES: '200000' } });
  expect(run.exitCode, run.stderr).toBe(1);

  const db = new Database(path.join(root, '.orch-guard/registry.db'), { readonly: true });
  const stored = db.prepare('SELECT path, facts FROM files ORDER BY path').all() as Array<{ path: string; facts: string }>;
  db.close();
  const sources = Object.keys(files).filter((file) => file.endsWith('.ts')).sort();
  expect(stored.map((row) => row.path)).toEqual(sources);
  const ts = loadTypeScript();
  for (const row of stored) expect(row.facts, row.path).toBe(JSON.stringify(extractFileFacts(ts, row.path, files[row.path])));
}, 60_000);
