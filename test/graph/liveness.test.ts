import { describe, expect, test } from 'vitest';
import { linkSources } from '../support/link-sources.js';

describe('liveness of a small graph', () => {
  test('what the entry reaches is live, transitively through imports and re-exports; the rest is not', async () => {
    const graph = await linkSources({
      'package.json': JSON.stringify({ name: 'app', main: 'src/main.ts' }),
      'src/main.ts': "import { total } from './barrel';\nconsole.log(total([1]));\n",
      'src/barrel.ts': "export { total } from './math';\nexport { unusedHelper } from './math';\n",
      'src/math.ts': 'export function total(values: number[]) { return sum(values); }\nfunction sum(values: number[]) { return values.length; }\nexport function unusedHelper() { return deadInner(); }\nfunction deadInner() { return 1; }\n',
    });
    expect(graph.isLive('src/math.ts', 'total')).toBe(true);
    expect(graph.isLive('src/math.ts', 'sum')).toBe(true);
    expect(graph.isLive('src/math.ts', 'unusedHelper')).toBe(false);
    // Used only by dead code: dead too.
    expect(graph.isLive('src/math.ts', 'deadInner')).toBe(false);
  });

  test('code only a test uses is live, but not from production', async () => {
    const graph = await linkSources({
      'package.json': JSON.stringify({ name: 'app', main: 'src/main.ts' }),
      'src/main.ts': "import { used } from './lib';\nused();\n",
      'src/lib.ts': 'export function used() {}\nexport function testedOnly() {}\n',
      'src/lib.test.ts': "import { testedOnly } from './lib';\ntestedOnly();\n",
    });
    expect(graph.isProductionLive('src/lib.ts', 'used')).toBe(true);
    expect(graph.isLive('src/lib.ts', 'testedOnly')).toBe(true);
    expect(graph.isProductionLive('src/lib.ts', 'testedOnly')).toBe(false);
  });

  test('fake wiring keeps nothing alive', async () => {
    const graph = await linkSources({
      'package.json': JSON.stringify({ name: 'app', main: 'src/main.ts' }),
      'src/main.ts': "import { wired } from './lib';\nvoid wired;\n",
      'src/lib.ts': 'export function wired() {}\n',
    });
    expect(graph.isLive('src/lib.ts', 'wired')).toBe(false);
  });

  test('with includeEntryExports a package entry\'s unused export is dead, a tool config\'s default export is not (the tool reads it)', async () => {
    const graph = await linkSources({
      'package.json': JSON.stringify({ name: 'app', main: 'src/main.ts' }),
      'src/main.ts': 'export function unusedApi() { return 1; }\nconsole.log(1);\n',
      'vite.config.ts': "import { plugin } from './tools/plugin';\nconst config = { plugins: [plugin()] };\nexport default config;\n",
      'tools/plugin.ts': 'export function plugin() { return {}; }\n',
    }, { includeEntryExports: true });
    expect(graph.isLive('src/main.ts', 'unusedApi')).toBe(false);
    expect(graph.isLive('vite.config.ts', 'config')).toBe(true);
    expect(graph.isLive('tools/plugin.ts', 'plugin')).toBe(true);
  });
});
