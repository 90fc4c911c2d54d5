import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { namespaceUsageIn } from '../../src/indexer/extract/access-chains.js';
import { NameUses } from '../../src/indexer/extract/name-uses.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';
import type { ts } from '../../src/typescript/typescript-api.js';
import { REPO_ROOT } from '../support/run-cli.js';

const api = loadTypeScript();

/** Every identifier of a tree, in walk order. */
function identifiers(node: ts.Node, found: ts.Identifier[] = []): ts.Identifier[] {
  if (api.isIdentifier(node)) found.push(node);
  api.forEachChild(node, (child) => void identifiers(child, found));
  return found;
}

/**
 * The one-walk index answers as namespaceUsageIn walking once per name, for every identifier
 * of the text taken as the declaration (members compared only when not used whole: a whole use
 * ends namespaceUsageIn's walk early, and its callers then ignore the members).
 */
function expectSameAnswers(text: string): void {
  const source = api.createSourceFile('x.ts', text, api.ScriptTarget.Latest, false, api.ScriptKind.TS);
  const index = new NameUses(api, source);
  let compared = 0;
  for (const declaration of identifiers(source)) {
    const expected = namespaceUsageIn(api, source, declaration.text, declaration);
    const actual = index.usage(declaration.text, declaration);
    // An identifier that roots an access chain is no declaration: the index declines, its caller walks.
    if (actual === undefined) continue;
    compared += 1;
    expect(actual?.whole, `${declaration.text} at ${declaration.pos}`).toBe(expected.whole);
    if (!expected.whole) expect(actual?.usedNames, `${declaration.text} at ${declaration.pos}`).toEqual(expected.usedNames);
  }
  expect(compared).toBeGreaterThan(20);
}

describe('the uses of every name in a scope, from one walk', () => {
  test('chains, dynamic accesses, member names equal to other names, parentheses and non-null', () => {
    expectSameAnswers([
      "import * as ns from './ns';",
      'const api = ns;',
      'export const a = api.a, b = api.b.c, c = api["c"], d = api[key].d, e = (api!).e?.f;',
      'const other = { api: 1 }; other.api; other.ns.api; ns[ns.key][api.k];',
      'function f(x: typeof api.a): ns.T { return x(api.g()).api; }',
      'api.a.api.b; (api as any).h; api?.[0]; `${api.i}`;',
      'export const all = api;',
      'class K { api = api.j; m() { return this.api; } }',
    ].join('\n'));
  });

  test('a real source file of this repository', () => {
    expectSameAnswers(readFileSync(path.join(REPO_ROOT, 'src/indexer/extract/reference-walker.ts'), 'utf8'));
  });
});
