import { describe, expect, test } from 'vitest';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

async function query(...args: string[]) {
  const root = copyFixture('example/shop');
  try {
    return await runCli([...args, '--root', root]);
  } finally {
    removeTemp(root);
  }
}

describe.concurrent('registry find, usage and why on the example shop', () => {
  test('registry find with a glob lists definitions, signatures and live callers', async () => {
    const result = await query('registry', 'find', 'format*');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      'formatDate  function  src/lib/format.ts:11:17  exported, live, 1 live caller',
      '  function formatDate(date: Date): string',
      'formatPercent  function  src/lib/format.ts:7:10  dead',
      '  function formatPercent(value: number): string',
      'formatPrice  function  src/lib/format.ts:3:17  exported, live, 1 live caller',
      '  function formatPrice(amount: number, currency: Currency): string',
      '3 symbols',
      '',
    ].join('\n'));
  });

  test('registry find --kind and --reporter json', async () => {
    const result = await query('registry', 'find', '*', '--kind', 'interface', '--reporter', 'json');
    const output = JSON.parse(result.stdout);
    expect(output.symbols.map((symbol: { name: string; live: boolean }) => [symbol.name, symbol.live])).toEqual([['Cart', true], ['LineItem', true], ['Wishlist', false]]);
  });

  test('usage shows callers and callees, dead ones marked', async () => {
    const result = await query('usage', 'src/cart/cart.ts#total');
    expect(result.stdout).toBe([
      'src/cart/cart.ts#total',
      'callers:',
      '  src/cart/cart.ts#totalWithCoupon  (dead)',
      '  src/index.ts (top level)',
      '  test/cart.test.ts (top level)',
      'callees:',
      '  src/cart/types.ts#Cart',
      '',
    ].join('\n'));
  });

  test('usage of a file lists who imports it and what it imports', async () => {
    const result = await query('usage', 'src/cart/coupons.ts', '--reporter', 'json');
    const output = JSON.parse(result.stdout);
    expect(output.callers.map((node: { label: string; live: boolean }) => [node.label, node.live])).toEqual([
      ['src/cart/cart.ts (top level)', true],
      ['src/cart/cart.ts#totalWithCoupon', false],
    ]);
  });

  test('why: the chain from an entry, or why it is dead', async () => {
    const live = await query('why', 'formatPrice');
    expect(live.stdout).toBe([
      'src/lib/format.ts#formatPrice is live:',
      '  src/index.ts (entry: package.json main)',
      '  → src/lib/format.ts#formatPrice',
      '',
    ].join('\n'));
    const dead = await query('why', 'src/cart/coupons.ts#applyCoupon');
    expect(dead.stdout).toBe('src/cart/coupons.ts#applyCoupon is dead: it is used only by dead code (src/cart/cart.ts#totalWithCoupon).\n');
    const testOnly = await query('why', 'formatDate', '--reporter', 'json');
    expect(JSON.parse(testOnly.stdout)).toEqual({
      version: 1,
      target: 'src/lib/format.ts#formatDate',
      live: true,
      chain: ['test/cart.test.ts (test file)', 'src/lib/format.ts#formatDate'],
    });
  });

  test('an unknown or ambiguous symbol exits 2 naming the candidates', async () => {
    const unknown = await query('why', 'nope');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe('orch-guard: why nope: no such symbol or file\n');
    const root = copyFixture('duplicate-provider/two-components');
    try {
      const ambiguous = await runCli(['usage', 'formatDate', '--root', root]);
      expect(ambiguous.exitCode).toBe(2);
      expect(ambiguous.stderr).toBe('orch-guard: usage formatDate: ambiguous, 2 symbols have that name: src/api/format.ts#formatDate (function, line 1); src/billing/index.ts#formatDate (function, line 2)\n');
    } finally {
      removeTemp(root);
    }
  });
});

describe.concurrent('class members in the registry', () => {
  async function onMembers(...args: string[]) {
    const root = copyFixture('unused-class-member/flagged');
    try {
      return await runCli([...args, '--root', root]);
    } finally {
      removeTemp(root);
    }
  }

  test("registry find 'Class.member' gives the member's own liveness; lowercase patterns ignore case", async () => {
    const exact = await onMembers('registry', 'find', 'Cart.total', '--reporter', 'json');
    expect(JSON.parse(exact.stdout).symbols.map((symbol: { name: string; live: boolean; liveCallers: number }) => [symbol.name, symbol.live, symbol.liveCallers]))
      .toEqual([['Cart.total', true, 1]]);
    const caseless = await onMembers('registry', 'find', 'cart.*', '--reporter', 'json');
    expect(caseless.stdout).toContain('"Cart.legacyTotal"');
    expect((await onMembers('registry', 'find', 'CART.*')).stdout).toBe('No symbol matches "CART.*".\n');
  });

  test('why and usage answer for members: live through a read of its name, dead when only dead code reads it', async () => {
    expect((await onMembers('why', 'Cart.sum')).stdout).toBe([
      'src/cart.ts#Cart.sum is live:',
      '  src/index.ts (entry: package.json main)',
      '  → .total (read from any object)',
      '  → src/cart.ts#Cart.total',
      '  → .sum (read from any object)',
      '  → src/cart.ts#Cart.sum',
      '',
    ].join('\n'));
    expect((await onMembers('why', 'Cart.old')).stdout).toBe('src/cart.ts#Cart.old is dead: it is used only by dead code (src/cart.ts#Cart.legacyTotal).\n');
    expect((await onMembers('usage', 'Cart.sum')).stdout).toContain('callers:\n  src/cart.ts#Cart.total\n');
  });
});
