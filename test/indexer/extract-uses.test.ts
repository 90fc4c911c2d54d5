import { describe, expect, test } from 'vitest';
import { extractFileFacts } from '../../src/indexer/extract/extract-file-facts.js';
import { componentScriptText } from '../../src/indexer/extract/sfc-scripts.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';

const facts = (path: string, text: string) => extractFileFacts(loadTypeScript(), path, text);
const loads = (text: string) => facts('src/a.ts', text).imports.map(({ specifier, form, pattern, unbounded, usedNames, whole }) =>
  ({ specifier, form, ...(pattern ? { pattern } : {}), ...(unbounded ? { unbounded } : {}), ...(whole ? { whole } : { usedNames }) }));

describe('facts of module loads', () => {
  test('template, concatenated and dirname-joined specifiers become patterns; computed ones are unbounded', () => {
    expect(loads([
      'export const a = (x: string) => import(`./locales/${x}.ts`).then((m) => m.default);',
      "export const b = (x: string) => require('./handlers/' + x);",
      "export const c = (x: string) => require(path.join(__dirname, 'jobs', x));",
      'export const d = (x: string) => import(x);',
    ].join('\n'))).toEqual([
      { specifier: './locales/*.ts', form: 'dynamic', pattern: true, usedNames: ['default'] },
      { specifier: './handlers/*', form: 'require', pattern: true, whole: true },
      { specifier: './jobs/*', form: 'require', pattern: true, whole: true },
      { specifier: 'x', form: 'dynamic', unbounded: true, whole: true },
    ]);
  });

  test('a stored import() promise is used by what its .then callback reads; .catch is no export name', () => {
    expect(loads("const p = import('./m');\np.then((m) => m.f());\nexport const q = () => import('./n').catch(() => null);")).toEqual([
      { specifier: './m', form: 'dynamic', usedNames: ['f'] },
      { specifier: './n', form: 'dynamic', whole: true },
    ]);
  });

  test('names inside a computed specifier are used', () => {
    const result = facts('src/a.ts', 'function lang() { return "en"; }\nexport const m = () => import(`./l/${lang()}.ts`);');
    expect(result.references.map((reference) => reference.name)).toContain('lang');
  });
});

describe('facts of classes', () => {
  test('method bodies are owned by the method; property names read from any object are recorded', () => {
    const result = facts('src/a.ts', 'export class C {\n  run() { return this.helper(); }\n  private helper() { return 1; }\n}\nexport const x = new C().run();');
    const run = result.declarations.findIndex((declaration) => declaration.name === 'run');
    expect(result.memberUses).toEqual(expect.arrayContaining([[run, 'helper'], [-1, 'run']]));
    expect(result.declarations.find((declaration) => declaration.name === 'helper')?.flags).toBeGreaterThan(0);
  });
});

describe('component files', () => {
  test('script blocks keep their offsets; markup is blanked', () => {
    const text = '<template>\n  <A />\n</template>\n<script setup lang="ts">\nimport A from "./A.vue";\n</script>\n';
    const { code } = componentScriptText(text);
    expect(code.length).toBe(text.length);
    expect(code.split('\n')[4]).toBe('import A from "./A.vue";');
    expect(code.includes('template')).toBe(false);
  });

  test('a component has a default export and its script names count as used by the template', () => {
    const result = facts('src/App.vue', '<script setup lang="ts">\nimport { greet } from "./greet";\n</script>\n<template>{{ greet() }}</template>\n');
    expect(result.exports.map((fact) => fact.name)).toEqual(['default']);
    expect(result.references).toEqual(expect.arrayContaining([expect.objectContaining({ owner: -1, name: 'greet' })]));
  });
});
