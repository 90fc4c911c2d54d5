import { describe, expect, test } from 'vitest';
import { copyFixture, removeTemp, runCli } from '../support/run-cli.js';

async function gate(fixture: string, ...args: string[]) {
  const root = copyFixture(fixture);
  try {
    return await runCli(['gate', ...args, '--root', root]);
  } finally {
    removeTemp(root);
  }
}

describe.concurrent('phase gates on contract fixtures, end to end', () => {
  test('plan: passes when every requirement exists', async () => {
    const result = await gate('contract-unconsumed/contract-holds', 'plan');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('Gate plan: PASSED\n\n✔ Gate plan passed (4 files checked)\n');
  });

  test('plan: blocked on a missing dependency, naming the provider', async () => {
    const result = await gate('contract-requirement/missing-dependency', 'plan');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe([
      'Gate plan: BLOCKED',
      '',
      'orch.config.ts',
      '  7:1     error  Component api requires `billing:createInvoice`, but component billing does not provide `createInvoice`. Build it in component billing, or change the contract.  contract-requirement',
      '  7:1     error  Component api requires `src/shared/money.ts#Money:type`, but src/shared/money.ts does not exist. Create it, or change the contract.  contract-requirement',
      '',
      'By component: api 2',
      '',
      '✖ 2 problems (2 errors, 0 warnings) in 4 files: contract-requirement 2',
      '',
    ].join('\n'));
  });

  test('plan: a requires cycle is reported with its path; pending requirements are listed, not blocking', async () => {
    const result = await gate('gates/plan-cycle-and-pending', 'plan', '--reporter', 'json');
    expect(result.exitCode).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.gate).toEqual({ phase: 'plan', verdict: 'blocked', pending: ['web: checkout:startCheckout'] });
    expect(output.findings.map((finding: { rule: string; symbol: string; component: string }) => [finding.rule, finding.symbol, finding.component])).toEqual([
      ['requires-cycle', 'catalog → checkout → catalog', 'catalog'],
    ]);
  });

  test('build: blocked while what the component requires is pending; another component passes', async () => {
    const web = await gate('gates/plan-cycle-and-pending', 'build', '--component', 'web');
    expect(web.exitCode).toBe(1);
    expect(web.stdout).toContain('Gate build (web): BLOCKED');
    expect(web.stdout).toContain('Component web requires `checkout:startCheckout`, but `startCheckout` is declared in components.checkout.provides but not built yet. Build it in component checkout, or change the contract.');
    const catalog = await gate('gates/plan-cycle-and-pending', 'build', '--component', 'catalog');
    expect(catalog.exitCode).toBe(0);
  });

  test('build: an unknown or missing --component exits 2', async () => {
    const unknown = await gate('contract-unconsumed/contract-holds', 'build', '--component', 'nope');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe('orch-guard: gate build --component nope: unknown component (declared: api, billing)\n');
    const missing = await gate('contract-unconsumed/contract-holds', 'build');
    expect(missing.stderr).toBe('orch-guard: gate build: --component <name> is required\n');
  });

  test('validate: fake wiring blocks, each finding attributed to its component', async () => {
    const result = await gate('contract-unconsumed/fake-wiring', 'validate', '--reporter', 'json');
    expect(result.exitCode).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.gate).toEqual({ phase: 'validate', verdict: 'blocked', pending: [] });
    expect(output.findings.map((finding: { rule: string; component: string }) => [finding.rule, finding.component])).toEqual([
      ['unused-file', 'billing'],
      ['contract-unconsumed', 'billing'],
    ]);
  });

  test('validate: a boundary violation blocks', async () => {
    const result = await gate('boundary-violation/undeclared-import', 'validate');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Component api imports `../audit/log` from component audit, which it neither requires nor may import.');
  });

  test('cleanup: lists what would be removed; passes on a clean project', async () => {
    const dirty = await gate('contract-unconsumed/only-dead-code', 'cleanup');
    expect(dirty.exitCode).toBe(1);
    expect(dirty.stdout).toContain('Gate cleanup: BLOCKED');
    expect(dirty.stdout).toContain('By component: api 1, billing 1');
    const clean = await gate('contract-unconsumed/contract-holds', 'cleanup');
    expect(clean.exitCode).toBe(0);
  });
});
