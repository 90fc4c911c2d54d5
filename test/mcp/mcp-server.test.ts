import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commitAll, git } from '../support/git-repo.js';
import { CLI, copyFixture, removeTemp } from '../support/run-cli.js';

let root: string;
let client: Client;

interface Answer {
  isError: boolean;
  summary: string;
  data: Record<string, unknown>;
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<Answer> {
  const result = await client.callTool({ name, arguments: args }) as { isError?: boolean; content: Array<{ type: string; text: string }>; structuredContent?: Record<string, unknown> };
  const [summary, json] = result.content;
  if (result.isError !== true) expect(JSON.parse(json.text)).toEqual(result.structuredContent);
  return { isError: result.isError === true, summary: summary.text, data: result.structuredContent ?? {} };
}

describe('orch-guard mcp: the registry and the checks as tools, driven by the SDK client over stdio', () => {
  beforeAll(async () => {
    root = copyFixture('graph/shop');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'config', 'user.email', 'test@example.com');
    git(root, 'config', 'user.name', 'Test');
    commitAll(root, 'base');
    client = new Client({ name: 'orch-guard-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], env: { ...process.env, NO_COLOR: '1' } as Record<string, string>, stderr: 'pipe' }));
  });

  afterAll(async () => {
    await client.close();
    removeTemp(root);
  });

  test('lists its tools, each with a description and an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['explain_rule', 'find_symbols', 'gate', 'list_contracts', 'symbol_usage', 'validate', 'why']);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(20);
      expect(tool.inputSchema.type).toBe('object');
    }
  });

  test('find_symbols, symbol_usage and why answer from the registry', async () => {
    const found = await call('find_symbols', { pattern: 'format*' });
    expect(found.summary).toBe('1 symbol matches "format*" (1 live): formatPrice (src/shared/money.ts:1)');
    expect(found.data.symbols).toEqual([{ name: 'formatPrice', kind: 'function', file: 'src/shared/money.ts', line: 1, column: 17, signature: 'function formatPrice(cents: number): string', component: 'shared', exported: true, live: true, liveCallers: 2 }]);
    expect((await call('symbol_usage', { symbol: 'formatPrice' })).summary).toBe('src/shared/money.ts#formatPrice: 2 callers, 0 callees');
    expect((await call('why', { symbol: 'formatPrice' })).summary).toBe('src/shared/money.ts#formatPrice is live: src/web/index.ts (entry: package.json main) → src/shared/money.ts#formatPrice');
    const dead = await call('why', { symbol: 'src/audit/log.ts' });
    expect(dead.data).toMatchObject({ live: false, explanation: { reason: 'only-referenced-by-dead-code' } });
  });

  test('validate the working tree, then only what the staged change introduces', async () => {
    const tree = await call('validate');
    expect(tree.summary).toBe('validate fails: 2 findings (2 errors, 0 warnings) in 5 files');
    expect((tree.data.findings as Array<{ rule: string }>).map((finding) => finding.rule)).toEqual(['unused-file', 'boundary-violation']);
    writeFileSync(path.join(root, 'src/shared/money.ts'), 'export function formatPrice(cents: number): string {\n  return `${(cents / 100).toFixed(2)} EUR`;\n}\n\nexport function formatCents(cents: number): string {\n  return `${cents} ct`;\n}\n');
    git(root, 'add', 'src/shared/money.ts');
    const staged = await call('validate', { staged: true });
    expect(staged.summary).toBe('validate --staged fails: 3 findings (3 errors, 0 warnings) in 5 files');
    const introduced = (staged.data.findings as Array<{ symbol: string; introduced: boolean }>).filter((finding) => finding.introduced);
    expect(introduced.map((finding) => finding.symbol)).toEqual(['formatCents']);
  });

  test('gate a component, list contracts, explain a rule', async () => {
    const build = await call('gate', { component: 'web' });
    expect(build.summary).toBe('gate build web passed: no findings in 5 files');
    expect(build.data.gate).toEqual({ phase: 'build', component: 'web', verdict: 'pass', pending: [] });
    expect((await call('gate', { phase: 'validate' })).summary).toMatch(/^gate validate blocked: \d findings/);
    const contracts = await call('list_contracts');
    expect(contracts.summary).toBe('4 components: web, catalog, shared, audit');
    expect((contracts.data.components as Array<{ name: string; requires: string[]; files: number }>)[1]).toMatchObject({ name: 'catalog', requires: ['shared', 'audit'], files: 1 });
    const rule = await call('explain_rule', { rule: 'circular-import' });
    expect(rule.summary).toBe('circular-import: Project files that import each other in a cycle when they load.');
    expect(rule.data.markdown).toContain('## How to fix it');
  });

  test('bad input is a tool error with the one-line message, and the server keeps serving', async () => {
    const unknown = await call('explain_rule', { rule: 'no-such-rule' });
    expect(unknown.isError).toBe(true);
    expect(unknown.summary).toMatch(/^explain_rule no-such-rule: unknown rule \(known: unused-file, /);
    const missing = await call('symbol_usage', { symbol: 'nothing' });
    expect(missing).toMatchObject({ isError: true, summary: 'symbol_usage nothing: no such symbol or file' });
    expect((await call('find_symbols', { pattern: 'listProducts' })).summary).toBe('1 symbol matches "listProducts" (1 live): listProducts (src/catalog/products.ts:8)');
  });
});
