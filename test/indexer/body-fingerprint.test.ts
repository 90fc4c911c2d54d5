import { describe, expect, test } from 'vitest';
import { fingerprintBody } from '../../src/indexer/extract/body-fingerprint.js';
import { bodyTokens } from '../../src/indexer/extract/body-tokens.js';
import { decodeSketch, sketchSimilarity } from '../../src/indexer/extract/body-sketch.js';
import { loadTypeScript } from '../../src/typescript/load-typescript.js';
import type { ts as TypeScript } from '../../src/typescript/typescript-api.js';

const ts = loadTypeScript();

/** The fingerprint of the first statement of the source (a function declaration or a `const f = () => …`). */
function fingerprintOf(source: string) {
  const file = ts.createSourceFile('a.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const statement = file.statements[0];
  const node = ts.isVariableStatement(statement) ? statement.declarationList.declarations[0] : statement;
  return fingerprintBody(ts, node);
}

function tokensOf(source: string): string {
  const file = ts.createSourceFile('a.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return bodyTokens(ts, file.statements[0] as TypeScript.FunctionDeclaration).tokens.join(' ');
}

const hashOf = (source: string) => fingerprintOf(source)?.hash;

function similarity(a: string, b: string): number {
  return sketchSimilarity(decodeSketch(fingerprintOf(a)?.sketch ?? '')!, decodeSketch(fingerprintOf(b)?.sketch ?? '')!);
}

const total = `function total(items: Item[], rate: number): number {
  let sum = 0;
  for (const item of items) sum += item.price * item.count;
  const taxed = sum * (1 + rate);
  return Math.round(taxed * 100) / 100;
}`;

describe('body fingerprint', () => {
  test('bound names become placeholders in binding order; free and property names stay', () => {
    expect(tokensOf('function f(a) { return g(a.b, a); }')).toMatch(/\$0 .* g .* \$0 b .* \$0/);
    expect(tokensOf('function f(a) { return g(a.b, a); }')).not.toContain(' a ');
  });

  test('renamed locals and parameters give the same hash; types, comments and formatting do not count', () => {
    const renamed = `function sumOf(list: ReadonlyArray<Item>, tax) {
      // the sum before tax
      let acc: number = 0;
      for (const entry of list) acc += entry.price * entry.count;
      const withTax = acc * (1 + tax) as number;
      return Math.round(withTax! * 100) / 100;
    }`;
    expect(hashOf(renamed)).toBe(hashOf(total));
  });

  test('an arrow function in a const and a function declaration with the same body match', () => {
    const arrow = `const f = (items, rate) => {
      let sum = 0;
      for (const item of items) sum += item.price * item.count;
      const taxed = sum * (1 + rate);
      return Math.round(taxed * 100) / 100;
    };`;
    expect(hashOf(arrow)).toBe(hashOf(total));
  });

  test('swapping two parameters is a different function', () => {
    expect(hashOf(total.replace('(items: Item[], rate: number)', '(rate: number, items: Item[])'))).not.toBe(hashOf(total));
  });

  test('a different free name (another import, another property) is a different function', () => {
    expect(hashOf(total.replace('Math.round', 'Math.floor'))).not.toBe(hashOf(total));
    expect(hashOf(total.replace('item.price', 'item.cost'))).not.toBe(hashOf(total));
  });

  test('independent declarations in another order give the same hash', () => {
    const a = `function f(user, now) {
      const name = user.first + ' ' + user.last;
      const age = now.getFullYear() - user.born;
      const city = user.address.city;
      return { name: name, age: age, city: city, label: name + age + city };
    }`;
    const b = `function g(person, today) {
      const place = person.address.city;
      const years = today.getFullYear() - person.born;
      const full = person.first + ' ' + person.last;
      return { name: full, age: years, city: place, label: full + years + place };
    }`;
    expect(hashOf(b)).toBe(hashOf(a));
  });

  test('independent property assignments in another order give the same hash', () => {
    const a = 'function init(self, options) { self.width = options.width; self.height = options.height; self.title = options.title; return self; }';
    const b = 'function init(self, options) { self.title = options.title; self.width = options.width; self.height = options.height; return self; }';
    expect(hashOf(b)).toBe(hashOf(a));
  });

  test('dependent statements keep their order: swapping them is a different function', () => {
    const a = 'function f(x) { let y = x * 2; y = y + 1; const z = y * 3; return [x, y, z]; }';
    const b = 'function f(x) { let y = x * 2; const z = y * 3; y = y + 1; return [x, y, z]; }';
    expect(hashOf(b)).not.toBe(hashOf(a));
  });

  test('operators count: `-x` and `!x` differ', () => {
    const a = 'function f(x, y) { const a = -x; const b = y * 2; return [a, b, a + b, a * b]; }';
    expect(hashOf(a.replace('-x', '!x'))).not.toBe(hashOf(a));
  });

  test('a recursive call by the function\'s own name matches a renamed copy', () => {
    const a = 'function fact(n) { if (n <= 1) return 1; const rest = fact(n - 1); return n * rest; }';
    const b = 'function factorial(k) { if (k <= 1) return 1; const rest = factorial(k - 1); return k * rest; }';
    expect(hashOf(b)).toBe(hashOf(a));
  });

  test('tiny bodies get no fingerprint', () => {
    expect(fingerprintOf('function f(a) { return a; }')).toBeUndefined();
  });

  test('the sketch estimates similarity: one extra statement is near, another function is far', () => {
    const extra = total.replace('const taxed', 'if (sum < 0) throw new Error("negative");\n  const taxed');
    expect(similarity(total, total)).toBe(1);
    expect(similarity(total, extra)).toBeGreaterThan(0.85);
    expect(similarity(total, 'function other(a, b) { const list = []; while (a < b) { list.push(a.toString(16)); a++; } return list.join(","); }')).toBeLessThan(0.3);
  });
});
