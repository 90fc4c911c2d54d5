import { copyFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, REPO_ROOT, removeTemp, runCli } from '../support/run-cli.js';
import { executions, readEvents } from './pipeline-case.js';

const temps: string[] = [];
afterEach(() => {
  while (temps.length > 0) removeTemp(temps.pop() as string);
});

/** fixtures/pipeline/base's tasks with the orders service of fixtures/pipeline/orders-service over it. */
function ordersService(): string {
  const root = copyFixture('pipeline/base');
  temps.push(root);
  cpSync(path.join(FIXTURES, 'pipeline/orders-service'), root, { recursive: true });
  return root;
}

const env = { CI: 'true', ORCH_TSC: path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc') };

interface Finding {
  rule: string;
  severity: string;
  state: string;
  file: string | null;
  symbol: string | null;
  component: string | null;
  consumer: string | null;
  task: string | null;
  original?: string;
  fix: string;
}
interface Status {
  run: { status: string };
  gates: Array<{ phase: string; wave: number | null; verdict: string; findings: Finding[] }>;
  tasks: Array<{ id: string; status: string; attempts: number; findings: Finding[] }>;
}

async function status(root: string, args: string[] = []): Promise<{ exitCode: number; json: Status }> {
  const result = await runCli(['status', ...args, '--reporter', 'json'], { cwd: root });
  expect(result.stderr).toBe('');
  return { exitCode: result.exitCode, json: JSON.parse(result.stdout) as Status };
}

/** Who the validation gates blamed for what, `task ← rule file symbol (state)`, whichever sync point it was. */
const blameTable = (run: Status) => [...new Set(run.gates.filter((gate) => gate.phase === 'sync')
  .flatMap((gate) => gate.findings.filter((finding) => finding.task !== null)
    .map((finding) => `${finding.task} ← ${finding.rule} ${finding.file} ${finding.symbol} (${finding.state})`)))].sort();

describe('orch-guard run: the orders service, one builder per way work goes wrong', () => {
  it('blames each finding on the task whose work introduced it, and re-runs the blamed tasks on resume', async () => {
    const root = ordersService();
    const first = await runCli(['run'], { cwd: root, env });
    expect(first.exitCode).toBe(1);
    const { exitCode, json: run } = await status(root);
    expect(exitCode).toBe(1);
    expect(Object.fromEntries(run.tasks.map((task) => [task.id, [task.status, task.attempts]]))).toEqual({
      'build-catalog': ['passed', 1],
      'build-payments': ['passed', 2],
      'build-notifications': ['passed', 1],
      'build-inventory': ['passed', 1],
      'seed-search': ['timed-out', 1],
      'build-pricing': ['passed', 1],
      'build-checkout': ['blocked', 1],
      'publish-search': ['skipped', 0],
      'build-orders': ['blocked', 1],
      'review-types': ['passed', 1],
      'wire-app': ['skipped', 0],
    });
    expect(blameTable(run)).toEqual([
      // checkout never calls chargeCard: its builder is blamed as soon as it finished, not the app's.
      'build-checkout ← contract-unconsumed src/payments/index.ts chargeCard (blocking)',
      'build-checkout ← unused-file src/payments/index.ts src/payments/index.ts (blocking)',
      // The copy of sumLines: reported on the new copy (not the original the rule ordered first), a warning.
      'build-inventory ← duplicate-implementation src/inventory/index.ts totalOf (warning)',
      // orders fake-wires sendReceipt with `void`.
      'build-orders ← contract-unconsumed src/notifications/index.ts sendReceipt (blocking)',
      'build-orders ← unused-file src/notifications/index.ts src/notifications/index.ts (blocking)',
    ]);
    // checkout's gate (sync point 1) ran right after it, before wire-app could start.
    const events = readEvents(root);
    const blockedAt = events.find((event) => event.type === 'task-blocked' && event.task === 'build-checkout')?.seq ?? Number.NaN;
    expect(blockedAt).toBeGreaterThan(events.find((event) => event.type === 'task-finished' && event.task === 'build-checkout')?.seq ?? Number.NaN);
    expect(events.find((event) => event.type === 'gate' && event.phase === 'sync' && event.wave === 1)?.tasks).toEqual(['build-checkout']);
    const duplicate = run.gates.flatMap((gate) => gate.findings).find((finding) => finding.rule === 'duplicate-implementation');
    expect(duplicate).toMatchObject({ severity: 'warn', original: 'src/shared/sum-lines.ts#sumLines', component: null });
    const unconsumed = run.tasks.find((task) => task.id === 'build-checkout')?.findings.find((finding) => finding.rule === 'contract-unconsumed');
    expect(unconsumed).toMatchObject({ component: 'payments', consumer: 'checkout', state: 'blocking', fix: expect.stringContaining('call the provided symbol') });
    // Catalog and pricing were right: their code waited for its consumers (pending), never blamed.
    expect(run.gates.filter((gate) => gate.phase === 'sync').flatMap((gate) => gate.findings)
      .filter((finding) => finding.file === 'src/catalog/index.ts').every((finding) => finding.state === 'pending')).toBe(true);

    // The fix brief a builder is handed.
    const brief = await runCli(['status', '--task', 'build-checkout', '--reporter', 'json'], { cwd: root });
    expect(brief.exitCode).toBe(1);
    expect(JSON.parse(brief.stdout)).toMatchObject({
      task: 'build-checkout', status: 'blocked', component: 'checkout', blocks: ['wire-app'], rerun: 'orch-guard run --only build-checkout',
      changedFiles: expect.arrayContaining([{ path: 'src/checkout/index.ts', change: 'created' }]),
      findings: [expect.objectContaining({ rule: 'unused-file' }), expect.objectContaining({ rule: 'contract-unconsumed', symbol: 'chargeCard' })],
    });

    // The builders fix their work; the resumed run runs the blocked tasks and what waits for them.
    const templates = path.join(root, 'tasks/templates/orders');
    copyFileSync(path.join(templates, 'checkout.ts'), path.join(templates, 'checkout-unwired.ts'));
    copyFileSync(path.join(templates, 'orders.ts'), path.join(templates, 'orders-fake-wired.ts'));
    const resumed = await runCli(['run', '--resume'], { cwd: root, env });
    expect(resumed.exitCode).toBe(1);
    const { json: after } = await status(root);
    expect(Object.fromEntries(after.tasks.map((task) => [task.id, task.status]))).toMatchObject({
      'build-checkout': 'passed', 'build-orders': 'passed', 'wire-app': 'passed', 'seed-search': 'timed-out', 'publish-search': 'skipped',
    });
    expect(executions(root)).toMatchObject({ 'build-catalog': 1, 'build-pricing': 1, 'build-checkout': 2, 'build-orders': 2, 'wire-app': 1 });
    // No stale verdicts: the waves judged again show their new verdict only.
    // (Sync points 1 and 2 fire in the order checkout and orders finish.)
    expect(after.gates.filter((gate) => gate.phase === 'sync').map((gate) => `${gate.wave}: ${gate.verdict}`).sort()).toEqual(['1: pass', '2: pass', '3: pass']);
    expect(blameTable(after).filter((line) => !line.includes('(warning)'))).toEqual([]);
    expect(after.gates.find((gate) => gate.phase === 'validate')).toMatchObject({ verdict: 'pass' });
    // Only the two builders at fault were ever blocked (the reviewer running tsc never).
    expect(readEvents(root).filter((event) => event.type === 'task-blocked').map((event) => event.task).sort()).toEqual(['build-checkout', 'build-orders']);
  });
});
