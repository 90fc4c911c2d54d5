import { describe, expect, it } from 'vitest';
import type { TaskConfig, TaskResult } from '../../src/config/pipeline-schema.js';
import type { Finding } from '../../src/rule-engine/finding.js';
import { blameFindings, type BlameContext } from '../../src/orchestrate/blame-findings.js';

const components = {
  payments: { paths: ['src/payments/**'], provides: ['chargeCard:function'], consumedBy: ['checkout'] },
  checkout: { paths: ['src/checkout/**'], requires: ['payments:chargeCard'] },
  app: { paths: ['src/index.ts'], requires: ['checkout'] },
  shared: { paths: ['src/shared/**'] },
};
const tasks: TaskConfig[] = [
  { id: 'build-payments', component: 'payments', run: 'x' },
  { id: 'build-checkout', component: 'checkout', run: 'x', dependsOn: ['build-payments'] },
  { id: 'wire-app', component: 'app', run: 'x', dependsOn: ['build-checkout'] },
  { id: 'copy-helper', component: 'shared', run: 'x' },
  { id: 'review', role: 'review', run: 'x' },
];
const passed: TaskResult = { status: 'passed', exitCode: 0, attempts: 1, durationMs: 1, reason: null, gate: 'pass' };

function finding(rule: string, file: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity: 'error', file, line: 1, column: 1, symbol: file, kind: null, reason: 'unreferenced', message: rule, fingerprint: `${rule}:${file}`, ...extra };
}

function context(done: string[], all: Finding[], writers: Record<string, string[]>): BlameContext {
  return {
    tasks, components, all, judged: tasks,
    writers: new Map(Object.entries(writers).map(([file, ids]) => [file, new Set(ids)])),
    results: new Map(done.map((id) => [id, passed])),
  };
}

const summary = (found: ReturnType<typeof blameFindings>) => found.map((entry) => `${entry.rule} ${entry.file} → ${entry.state} ${entry.task ?? entry.waitingFor ?? '-'}`);

describe('blame by what each task wrote', () => {
  const unusedPayments = finding('unused-file', 'src/payments/index.ts', { component: 'payments' });
  const unconsumed = finding('contract-unconsumed', 'src/payments/index.ts', { component: 'payments', consumer: 'checkout', symbol: 'chargeCard' });
  const writers = { 'src/payments/index.ts': ['build-payments'], 'src/checkout/index.ts': ['build-checkout'] };

  it('holds a provider\'s unused code as pending while its consumer is still to be built', () => {
    expect(summary(blameFindings([unusedPayments], context(['build-payments'], [unusedPayments], writers))))
      .toEqual(['unused-file src/payments/index.ts → pending checkout']);
  });

  it('blames the consumer\'s builder as soon as it finished without using the provided symbol, not the provider', () => {
    const all = [unusedPayments, unconsumed];
    expect(summary(blameFindings(all, context(['build-payments', 'build-checkout'], all, writers)))).toEqual([
      'unused-file src/payments/index.ts → blocking build-checkout',
      'contract-unconsumed src/payments/index.ts → blocking build-checkout',
    ]);
  });

  it('moves the question up when the consumer uses it but is not wired in itself', () => {
    const usedByDeadCode = { ...unconsumed, reason: 'only-referenced-by-dead-code' as const };
    const deadCheckout = finding('unused-file', 'src/checkout/index.ts', { component: 'checkout' });
    const all = [unusedPayments, usedByDeadCode, deadCheckout];
    expect(summary(blameFindings([unusedPayments], context(['build-payments', 'build-checkout'], all, writers))))
      .toEqual(['unused-file src/payments/index.ts → pending app']);
    expect(summary(blameFindings([unusedPayments], context(['build-payments', 'build-checkout', 'wire-app'], all, writers))))
      .toEqual(['unused-file src/payments/index.ts → blocking wire-app']);
  });

  it('reports a duplicate on the newer copy, naming the older one, and never blames a reviewer', () => {
    const duplicate = finding('duplicate-implementation', 'src/inventory/index.ts', { severity: 'warn', symbol: 'sumLines', referrers: ['src/shared/sum.ts#totalOf'] });
    const found = blameFindings([duplicate], context(['copy-helper', 'review'], [duplicate], { 'src/shared/sum.ts': ['copy-helper', 'review'] }));
    expect(found).toEqual([expect.objectContaining({
      rule: 'duplicate-implementation', state: 'warning', task: 'copy-helper', file: 'src/shared/sum.ts', symbol: 'totalOf', original: 'src/inventory/index.ts#sumLines',
    })]);
  });

  it('waits for a writer that runs again after a resume', () => {
    const broken = finding('unresolved-import', 'src/checkout/index.ts', { component: 'checkout' });
    expect(summary(blameFindings([broken], context(['build-payments'], [broken], writers)))).toEqual(['unresolved-import src/checkout/index.ts → pending checkout']);
  });
});
