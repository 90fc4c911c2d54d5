import { describe, expect, test } from 'vitest';
import { extractFileFacts } from '../../src/indexer/extract/extract-file-facts.js';
import { ReferenceFlag } from '../../src/indexer/facts.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';

const facts = (path: string, text: string) => extractFileFacts(loadTypeScript(), path, text);
const exportNames = (path: string, text: string) => facts(path, text).exports.map((fact) => fact.name).sort();

describe('facts of CommonJS exports defined by Object.defineProperty', () => {
  test('defineProperty and defineProperties on exports are exports; __esModule is not', () => {
    const text = [
      'function a() {}',
      "Object.defineProperty(exports, '__esModule', { value: true });",
      "Object.defineProperty(exports, 'a', { enumerable: true, get: function () { return a; } });",
      "Object.defineProperties(module.exports, { b: { value: 1 }, c: { get: () => a } });",
    ].join('\n');
    expect(exportNames('src/a.js', text)).toEqual(['a', 'b', 'c']);
    expect(facts('src/a.js', text).exports.find((fact) => fact.name === 'a')?.local).toBe('a');
  });

  test('a getter of module.exports = { ... } is an export', () => {
    expect(exportNames('src/a.js', "module.exports = { get parser() { return require('./parser'); }, run() {} };")).toEqual(['parser', 'run']);
  });
});

describe('facts of reads with computed keys', () => {
  test('svc[key] with an unknown key names the class of svc (or an imported instance) for every member; a const key reads one name', () => {
    const result = facts('src/a.ts', [
      "import { Service, registry } from './s';",
      "import * as ns from './ns';",
      'const svc = new Service();',
      "const k = 'one' as const;",
      'export const run = (key: string) => [(svc as any)[key](), (registry as any)[key](), ns[k]];',
    ].join('\n'));
    const anyMember = result.references.filter((reference) => (reference.flags & ReferenceFlag.AnyMember) !== 0).map((reference) => reference.name);
    expect(anyMember.sort()).toEqual(['Service', 'registry']);
    expect(result.declarations.find((declaration) => declaration.name === 'svc')?.instanceOf).toEqual(['Service']);
    expect(result.references.filter((reference) => reference.name === 'ns').map((reference) => reference.path)).toEqual([['one']]);
  });
});

describe('facts of enums', () => {
  test('a string member keeps its value; a string cast to the enum reads it as a type at that value', () => {
    const result = facts('src/a.ts', "export enum S { A = 'a', B = 'b' }\nexport const s = 'a' as S;");
    expect(result.declarations.filter((declaration) => declaration.kind === 'enum-member').map((member) => member.value)).toEqual(['a', 'b']);
    expect(result.references).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'S', path: ['a'] })]));
  });

  test('an enum in a template literal type is a key set', () => {
    const result = facts('src/a.ts', 'enum E { A, B }\nexport type T = `${E}`;');
    expect(result.references.some((reference) => reference.name === 'E' && (reference.flags & ReferenceFlag.KeySet) !== 0)).toBe(true);
  });
});

describe('fake wiring', () => {
  test('a template literal or string concatenation of names thrown away is fake; passed to a call it is not', () => {
    const result = facts('src/a.ts', "import { a, b, c, d } from './x';\n`${a}`;\n'' + b;\n+c;\nconsole.log(`${d}`);");
    const fake = (name: string) => result.references.filter((reference) => reference.name === name).every((reference) => (reference.flags & ReferenceFlag.Fake) !== 0);
    expect(['a', 'b', 'c'].map(fake)).toEqual([true, true, true]);
    expect(fake('d')).toBe(false);
  });
});

describe('file references', () => {
  test('Electron pages, worklets and extension scripts are url loads', () => {
    const result = facts('src/main.js', [
      "win.loadFile('renderer/index.html');",
      "win.loadURL('file://' + __dirname + '/about.html');",
      "win.loadURL('http://localhost:3000');",
      "ctx.audioWorklet.addModule('./processor.js');",
      "chrome.scripting.executeScript({ files: ['content.js'] });",
    ].join('\n'));
    expect(result.imports.map((fact) => `${fact.form} ${fact.specifier}`)).toEqual([
      'url ./renderer/index.html', 'url ./about.html', 'url ./processor.js', 'url ./content.js',
    ]);
  });
});
