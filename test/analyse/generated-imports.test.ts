import { describe, expect, test } from 'vitest';
import { generatedImportsNotice } from '../../src/analyse/generated-imports.js';
import type { GraphFile } from '../../src/graph/symbol-graph.js';

/** A graph file with the given imports and their resolutions (only what the notice reads). */
function file(path: string, imports: Array<{ specifier: string; form?: string; gitIgnored?: boolean; found?: boolean }>): GraphFile {
  return {
    path,
    facts: { imports: imports.map(({ specifier, form = 'static' }) => ({ specifier, form })) },
    resolutions: imports.map(({ gitIgnored, found }) => (found === true ? { kind: 'file', path: 'x.ts' } : gitIgnored === true ? { kind: 'unresolved', gitIgnored: true } : { kind: 'unresolved' })),
  } as unknown as GraphFile;
}

describe('the notice naming imports of generated, git-ignored files', () => {
  test('names each such import, counts the ones past three, and leaves other misses and url loads out', () => {
    const files = [
      file('src/a.ts', [{ specifier: './gen/a.json', gitIgnored: true }, { specifier: './missing', gitIgnored: false }, { specifier: './ok', found: true }]),
      file('src/b.ts', [{ specifier: './gen/b.json', gitIgnored: true }, { specifier: './gen/c.json', gitIgnored: true }, { specifier: './gen/url.js', form: 'url', gitIgnored: true }]),
      file('src/c.ts', [{ specifier: './gen/d.json', gitIgnored: true }]),
    ];
    expect(generatedImportsNotice(files)).toBe('4 imports name git-ignored files that do not exist (a build or script generates them), so they are not checked: src/a.ts imports ./gen/a.json, src/b.ts imports ./gen/b.json, src/b.ts imports ./gen/c.json and 1 more');
    expect(generatedImportsNotice([file('src/a.ts', [{ specifier: './missing' }])])).toBeUndefined();
  });
});
