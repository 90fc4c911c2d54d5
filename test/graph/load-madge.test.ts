import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { FileImport } from '../../src/graph/file-imports.js';
import { findLoadCycles } from '../../src/graph/import-cycles.js';
import { loadMadge } from '../../src/graph/load-madge.js';

const requireHere = createRequire(import.meta.url);

function edge(from: string, to: string, line = 1): FileImport {
  return { from, to, line, column: 1, specifier: `./${to}`, typeOnly: false, lazy: false };
}

describe('loadMadge', () => {
  test('loads madge under TypeScript 7, and madge finds a 3-file cycle in a tree object', async () => {
    const loaded = await loadMadge();
    if ('error' in loaded) throw new Error(`madge did not load: ${loaded.error}`);
    const graph = await loaded.madge({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] });
    expect(graph.circular()).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  test('redirects `typescript` only while madge loads', async () => {
    await loadMadge();
    expect(requireHere.resolve('typescript')).not.toContain('@ts-morph');
  });
});

describe('findLoadCycles with madge', () => {
  test('widens the cycles madge reports to their whole group, without a fallback notice', async () => {
    // madge's search stops at b (already resolved) when it comes from c, so it reports a ↔ b only; c is in the group all the same.
    const notices: string[] = [];
    const cycles = await findLoadCycles([edge('a.ts', 'b.ts'), edge('a.ts', 'c.ts', 2), edge('b.ts', 'a.ts'), edge('c.ts', 'b.ts'), edge('c.ts', 'd.ts', 2)], notices);
    expect(cycles.map((cycle) => [cycle.files, cycle.group])).toEqual([[['a.ts', 'b.ts'], ['a.ts', 'b.ts', 'c.ts']]]);
    expect(notices).toEqual([]);
  });

  test('a file that imports itself is a cycle of one', async () => {
    const notices: string[] = [];
    const cycles = await findLoadCycles([edge('a.ts', 'a.ts'), edge('b.ts', 'a.ts')], notices);
    expect(cycles.map((cycle) => cycle.files)).toEqual([['a.ts']]);
    expect(notices).toEqual([]);
  });

  test('type-only imports and import() do not make a cycle', async () => {
    const cycles = await findLoadCycles([edge('a.ts', 'b.ts'), { ...edge('b.ts', 'a.ts'), typeOnly: true }, { ...edge('b.ts', 'a.ts', 2), lazy: true }], []);
    expect(cycles).toEqual([]);
  });
});
