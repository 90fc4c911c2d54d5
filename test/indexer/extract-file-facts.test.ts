import { describe, expect, test } from 'vitest';
import { extractFileFacts } from '../../src/indexer/extract/extract-file-facts.js';
import { DeclarationFlag, ReferenceFlag } from '../../src/indexer/facts.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';

const factsOf = (file: string, text: string) => extractFileFacts(loadTypeScript(), file, text);

describe('facts of a source string', () => {
  test('an ES module: declarations, imports with their bindings, exports, and who uses what', () => {
    const facts = factsOf('src/a.ts', [
      "import { b as c } from './b';",
      'export function a(): number { return c(); }',
      'const unused = 1;',
    ].join('\n'));
    expect(facts.moduleKind).toBe('esm');
    expect(facts.declarations.map(({ name, kind, line }) => ({ name, kind, line }))).toEqual([
      { name: 'a', kind: 'function', line: 2 },
      { name: 'unused', kind: 'variable', line: 3 },
    ]);
    expect(facts.declarations[0].flags & DeclarationFlag.Exported).toBe(DeclarationFlag.Exported);
    expect(facts.imports).toEqual([{ specifier: './b', form: 'static', line: 1, column: 24, owner: -1, typeOnly: false }]);
    expect(facts.importBindings).toEqual([{ local: 'c', importIndex: 0, imported: 'b', typeOnly: false }]);
    expect(facts.exports.map(({ name, declaration }) => ({ name, declaration }))).toEqual([{ name: 'a', declaration: 0 }]);
    // The use of `c` belongs to `a` (declaration 0): it is live only when `a` is.
    expect(facts.references).toEqual([{ owner: 0, name: 'c', flags: ReferenceFlag.Callee }]);
  });

  test('CommonJS: a top-level require binds names like an import, `exports.x =` exports, and the file is cjs', () => {
    const facts = factsOf('lib/m.js', [
      "const { readFile } = require('./fs-helpers');",
      'exports.load = function load() { return readFile(); };',
    ].join('\n'));
    expect(facts.moduleKind).toBe('cjs');
    expect(facts.imports.map(({ specifier, form }) => ({ specifier, form }))).toEqual([{ specifier: './fs-helpers', form: 'require' }]);
    expect(facts.importBindings).toEqual([{ local: 'readFile', importIndex: 0, imported: 'readFile', typeOnly: false }]);
    expect(facts.exports.map(({ name }) => name)).toEqual(['load']);
    expect(facts.references).toEqual([{ owner: 0, name: 'readFile', flags: ReferenceFlag.Callee }]);
  });

  test('a require inside a function still makes a script CommonJS', () => {
    const facts = factsOf('lib/lazy.js', "function get() { return require('./heavy'); }\nget();\n");
    expect(facts.moduleKind).toBe('cjs');
    expect(facts.imports.map(({ specifier, form, owner }) => ({ specifier, form, owner }))).toEqual([{ specifier: './heavy', form: 'require', owner: 0 }]);
  });

  test('a script without module syntax: its free names are recorded, nothing is exported', () => {
    const facts = factsOf('public/app.js', 'function start() { render(document.body); }\nstart();\n');
    expect(facts.moduleKind).toBe('script');
    expect(facts.exports).toEqual([]);
    expect(facts.freeNames).toEqual(['document', 'render']);
    expect(facts.hasSideEffects).toBe(true);
  });

  test('fake wiring (`void x`) and type positions are flagged on the reference', () => {
    const facts = factsOf('src/w.ts', [
      "import { helper, type Shape } from './lib';",
      'export const size = (shape: Shape) => shape;',
      'void helper;',
    ].join('\n'));
    expect(facts.references).toEqual(expect.arrayContaining([
      { owner: 0, name: 'Shape', flags: ReferenceFlag.Type },
      { owner: -1, name: 'helper', flags: ReferenceFlag.Fake },
    ]));
    expect(facts.references).toHaveLength(2);
  });

  test('bad syntax gives parse errors, not an exception', () => {
    const facts = factsOf('src/broken.ts', 'export const = ;\n');
    expect(facts.parseErrors.length).toBeGreaterThan(0);
    expect(facts.parseErrors[0]).toMatchObject({ line: 1 });
  });
});
