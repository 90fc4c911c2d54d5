import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, removeTemp, runCli } from '../support/run-cli.js';
import { copyPipelineCase, executions, milestones, readEvents, type RunEvent } from './pipeline-case.js';

const temps: string[] = [];
afterEach(() => {
  while (temps.length > 0) removeTemp(temps.pop() as string);
});

function pipelineCase(name: string): string {
  const root = copyPipelineCase(name);
  temps.push(root);
  return root;
}

interface StatusJson {
  version: number;
  run: { id: number; status: string; exitCode: number | null };
  gates: Array<{ phase: string; wave: number | null; tasks: string[]; verdict: string; detail: string[]; findings: Array<Record<string, unknown>> }>;
  tasks: Array<{ id: string; wave: number; status: string; attempts: number; exitCode: number | null; reason: string | null; logFile: string | null; gates: Record<string, string> }>;
}

async function status(root: string, runId?: number): Promise<StatusJson> {
  const result = await runCli(['status', ...(runId !== undefined ? [String(runId)] : []), '--reporter', 'json'], { cwd: root });
  expect(result.stderr).toBe('');
  const run = JSON.parse(result.stdout) as StatusJson;
  // status exits 1 for a run that did not pass (failed, blocked, interrupted, crashed).
  expect(result.exitCode).toBe(['passed', 'running'].includes(run.run.status) ? 0 : 1);
  return run;
}

const taskStates = (run: StatusJson) => Object.fromEntries(run.tasks.map((task) => [task.id, task.status]));
const gateVerdicts = (run: StatusJson) => run.gates.filter((gate) => gate.phase !== 'build' && gate.phase !== 'produces')
  .map((gate) => `${gate.phase}${gate.wave !== null ? ` ${gate.wave}` : ''}: ${gate.verdict}`);

/** The most tasks running at once, from the attempt events. */
function peakParallel(events: readonly RunEvent[]): number {
  let running = 0;
  let peak = 0;
  for (const event of events) {
    if (event.type === 'attempt-started') peak = Math.max(peak, (running += 1));
    if (event.type === 'attempt-finished') running -= 1;
  }
  return peak;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z');
  } catch {
    return false;
  }
}

/** Starts `orch-guard run` in the background; resolves once `ready` holds for its events. */
async function startRun(root: string, ready: (events: RunEvent[]) => boolean, args: string[] = []) {
  const child = spawn(process.execPath, [CLI, 'run', ...args], { cwd: root, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 30_000;
  while (!ready(readEvents(root))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the run never got ready:\n${output}`);
    await sleep(25);
  }
  return { child, exited, output: () => output };
}

describe('orch-guard run: a provider, then its consumer', () => {
  it('runs both in order behind their gates and passes', async () => {
    const root = pipelineCase('provider-consumer');
    const result = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('run passed (exit 0)');
    const run = await status(root);
    expect(run.run).toMatchObject({ id: 1, status: 'passed', exitCode: 0 });
    expect(run.tasks.map((task) => [task.id, task.wave, task.status, task.attempts, task.exitCode, task.gates])).toEqual([
      ['build-billing', 1, 'passed', 1, 0, { build: 'pass', produces: 'pass', wave: 'pass' }],
      ['wire-api', 2, 'passed', 1, 0, { build: 'pass', produces: 'pass', wave: 'pass' }],
    ]);
    expect(gateVerdicts(run)).toEqual(['plan: pass', 'wave 1: pass', 'wave 2: pass', 'validate: pass', 'cleanup: pass']);
    // Between the waves billing's unused createInvoice waited for api, the component that requires it.
    const firstWave = run.gates.find((gate) => gate.phase === 'wave' && gate.wave === 1);
    expect(firstWave?.detail).toEqual([expect.stringMatching(/^pending until component api is built: unused-file src\/billing\/index\.ts:1: /)]);
    const events = readEvents(root);
    expect(milestones(events, 'build-billing').finished).toBeLessThan(milestones(events, 'wire-api').started);
    expect(events[0]).toMatchObject({ seq: 1, type: 'run-started' });
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'passed' });
    // wire-api's command runs put.mjs twice (the api, then the entry that wires it in).
    expect(executions(root)).toEqual({ 'build-billing': 1, 'wire-api': 2 });
    // Each attempt's output goes to its own log.
    expect(run.tasks[0].logFile).toBe(path.join(root, '.orch-guard/runs/1/build-billing.1.log'));
    expect(existsSync(path.join(root, '.orch-guard/runs/1/wire-api.1.log'))).toBe(true);
  });

  it('prints the waves and gates with --dry-run, and runs nothing', async () => {
    const root = pipelineCase('provider-consumer');
    const result = await runCli(['run', '--dry-run'], { cwd: root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe([
      '2 tasks in 2 waves, at most 2 at once',
      '',
      'gate plan: the contracts can be built, and the tasks have an order',
      'wave 1',
      '  build-billing: gate build billing → run `node tasks/put.mjs billing.ts src/billing/index.ts` → check produces billing:createInvoice',
      'gate wave 1: no findings introduced by wave 1',
      'wave 2',
      '  wire-api after build-billing: gate build api → run `node tasks/put.mjs api.ts src/api/index.ts && node tasks/put.mjs index-with-api.ts src/index.ts` → check produces api:handleCheckout',
      'gate wave 2: no findings introduced by wave 2',
      'gate validate: the whole project',
      'cleanup: a dry run (gate cleanup), or with --fix the cleanup',
      '',
    ].join('\n'));
    expect(executions(root)).toEqual({});
    expect(existsSync(path.join(root, '.orch-guard/runs'))).toBe(false);
  });

  it('runs the tasks alone with --no-gates', async () => {
    const root = pipelineCase('forgets-wiring');
    const result = await runCli(['run', '--no-gates'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(0);
    const run = await status(root);
    expect(taskStates(run)).toEqual({ 'build-billing': 'passed', 'build-reports': 'passed', 'wire-api': 'passed', 'publish-reports': 'passed' });
    expect(run.gates.map((gate) => gate.phase)).toEqual(['plan']);
  });
});

describe('orch-guard run: a task that forgets to wire its output', () => {
  it('blocks it at the wave gate, skips its dependants, and lets the independent branch go on', async () => {
    const root = pipelineCase('forgets-wiring');
    const result = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const run = await status(root);
    expect(run.run).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(taskStates(run)).toEqual({ 'build-billing': 'passed', 'build-reports': 'blocked', 'wire-api': 'passed', 'publish-reports': 'skipped' });
    expect(run.tasks.find((task) => task.id === 'build-reports')?.gates).toEqual({ build: 'pass', produces: 'pass', wave: 'blocked' });
    expect(run.tasks.find((task) => task.id === 'publish-reports')?.reason)
      .toMatch(/^dependency build-reports: the validation gate after wave 1 blocked its work: unused-file src\/reports\/index\.ts:1: /);
    expect(gateVerdicts(run)).toEqual(['plan: pass', 'wave 1: blocked', 'wave 2: pass', 'validate: blocked', 'cleanup: blocked']);
    const wave1 = run.gates.find((gate) => gate.phase === 'wave' && gate.wave === 1);
    expect(wave1?.tasks).toEqual(['build-reports']);
    expect(wave1?.detail).toEqual([
      expect.stringMatching(/^build-reports: unused-file src\/reports\/index\.ts:1: /),
      expect.stringMatching(/^pending until component api is built: unused-file src\/billing\/index\.ts:1: /),
    ]);
    expect(run.gates.find((gate) => gate.phase === 'validate')?.detail).toEqual([expect.stringMatching(/^unused-file src\/reports\/index\.ts:1: /)]);
    expect(executions(root)).toEqual({ 'build-billing': 1, 'build-reports': 1, 'wire-api': 2 });
  });

  it('re-runs only what it is told: --rerun-failed the blocked task, --only the named ones', async () => {
    const root = pipelineCase('forgets-wiring');
    expect((await runCli(['run'], { cwd: root, env: { CI: 'true' } })).exitCode).toBe(1);
    const failed = await runCli(['run', '--rerun-failed'], { cwd: root, env: { CI: 'true' } });
    expect(failed.exitCode).toBe(1);
    // build-reports ran again (and is blocked again); its skipped dependant was not retried.
    expect(executions(root)).toEqual({ 'build-billing': 1, 'build-reports': 2, 'wire-api': 2 });
    expect(taskStates(await status(root))).toEqual({ 'build-billing': 'passed', 'build-reports': 'blocked', 'wire-api': 'passed', 'publish-reports': 'skipped' });
    const only = await runCli(['run', '--only', 'build-billing'], { cwd: root, env: { CI: 'true' } });
    expect(only.exitCode).toBe(1);
    expect(executions(root)).toEqual({ 'build-billing': 2, 'build-reports': 2, 'wire-api': 2 });
    const unknown = await runCli(['run', '--only', 'nope'], { cwd: root });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe('orch-guard: --only nope: no such task (known: build-billing, build-reports, wire-api, publish-reports)\n');
  });

  it('with --bail starts nothing after the blocked gate', async () => {
    const root = pipelineCase('forgets-wiring');
    const result = await runCli(['run', '--bail'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const run = await status(root);
    expect(taskStates(run)).toEqual({ 'build-billing': 'passed', 'build-reports': 'blocked', 'wire-api': 'skipped', 'publish-reports': 'skipped' });
    expect(run.tasks.find((task) => task.id === 'wire-api')?.reason).toBe('not started: --bail after the validation gate after wave 1 blocked');
    expect(gateVerdicts(run)).toEqual(['plan: pass', 'wave 1: blocked']);
  });
});

describe('orch-guard run: the seven coordination patterns', () => {
  it('keeps the order each pattern promises', async () => {
    const root = pipelineCase('seven-patterns');
    const result = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const run = await status(root);
    const events = readEvents(root);
    const at = (task: string) => milestones(events, task);
    expect(taskStates(run)).toEqual({
      'par-a': 'passed', 'par-b': 'passed', 'seq-1': 'passed', 'seq-2': 'passed', 'seq-3': 'passed',
      'sync-a': 'passed', 'sync-b': 'passed', 'sync-next': 'passed',
      primary: 'passed', 'review-types': 'passed', 'review-style': 'passed', merge: 'passed',
      'phase-1': 'blocked', 'phase-2': 'skipped',
      split: 'passed', 'shard-1': 'passed', 'shard-2': 'passed', 'shard-3': 'passed', join: 'passed',
      check: 'failed', 'on-failure': 'passed', 'on-success': 'skipped', 'on-exit-3': 'passed',
    });
    expect(peakParallel(events)).toBeLessThanOrEqual(4);
    // 1. Parallel: both started before either finished.
    expect(Math.max(at('par-a').started, at('par-b').started)).toBeLessThan(Math.min(at('par-a').finished, at('par-b').finished));
    // 2. Sequential: each starts after the one before finished.
    expect(at('seq-1').finished).toBeLessThan(at('seq-2').started);
    expect(at('seq-2').finished).toBeLessThan(at('seq-3').started);
    // 3. Sync point: sync-next waits for the slow sync-a too, and the gate over both (sync point 2).
    const syncGate = events.find((event) => event.type === 'gate' && event.phase === 'sync' && event.wave === 2)?.seq ?? Number.NaN;
    expect(at('sync-a').finished).toBeLessThan(syncGate);
    expect(syncGate).toBeLessThan(at('sync-next').started);
    // No barriers: the sequence went on while the slow tasks of its level still ran.
    expect(at('seq-2').started).toBeLessThan(at('sync-a').finished);
    // 4. Primary and reviewers: reviews after the primary, the merge after both reviews.
    expect(at('primary').finished).toBeLessThan(Math.min(at('review-types').started, at('review-style').started));
    expect(Math.max(at('review-types').finished, at('review-style').finished)).toBeLessThan(at('merge').started);
    // 5. Incremental phases stop when validation fails: phase-1 left reports unwired.
    expect(run.tasks.find((task) => task.id === 'phase-2')?.reason).toMatch(/^dependency phase-1: the validation gate at sync point 1 blocked its work: unused-file src\/reports\/index\.ts:1: /);
    // 6. Fan-out / fan-in.
    for (const shard of ['shard-1', 'shard-2', 'shard-3']) {
      expect(at('split').finished).toBeLessThan(at(shard).started);
      expect(at(shard).finished).toBeLessThan(at('join').started);
    }
    // 7. Conditional branches on check's exit 3.
    expect(run.tasks.find((task) => task.id === 'on-success')?.reason).toBe('condition not met: wanted check with status passed; it has status failed, exit code 3, gate none');
    expect(executions(root)['on-success']).toBeUndefined();
    expect(executions(root)['on-failure']).toBe(1);
    expect(executions(root)['on-exit-3']).toBe(1);
  });
});

describe('orch-guard run: tasks that misbehave', () => {
  it('retries with backoff, kills a hung process tree at its timeout, and records every failure', async () => {
    const root = pipelineCase('retries-and-timeouts');
    const result = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const run = await status(root);
    expect(run.tasks.map((task) => [task.id, task.status, task.attempts, task.exitCode])).toEqual([
      ['flaky', 'passed', 3, 0],
      ['hang', 'timed-out', 1, null],
      ['fail', 'failed', 1, 3],
      ['missing-command', 'failed', 1, 127],
      ['noisy', 'passed', 1, 0],
      ['after-hang', 'skipped', 0, null],
      ['after-fail', 'skipped', 0, null],
      ['after-flaky', 'passed', 1, 0],
    ]);
    const reason = (id: string) => run.tasks.find((task) => task.id === id)?.reason;
    expect(reason('hang')).toBe('timed out after 800 ms (process group killed with SIGKILL 300 ms after SIGTERM)');
    expect(reason('fail')).toBe('exit 3: step fail exits 3');
    expect(reason('missing-command')).toMatch(/^exit 127: .*no-such-command-for-orch-guard: .*not found$/);
    expect(reason('after-hang')).toBe('dependency hang timed-out');
    expect(reason('after-fail')).toBe('dependency fail failed');
    const events = readEvents(root);
    expect(events.filter((event) => event.type === 'retry-scheduled').map((event) => [event.task, event.attempt, event.delayMs]))
      .toEqual([['flaky', 2, 50], ['flaky', 3, 100]]);
    // The hung task's child ignored SIGTERM too: the whole tree is gone.
    expect(isAlive(Number(readFileSync(path.join(root, 'hang.pid'), 'utf8')))).toBe(false);
    const hangStart = events.find((event) => event.type === 'attempt-started' && event.task === 'hang');
    expect(isAlive(hangStart?.pid as number)).toBe(false);
    // 30 MB of output went to the log, not through orch-guard's memory or its terminal.
    expect(statSync(path.join(root, '.orch-guard/runs/1/noisy.1.log')).size).toBeGreaterThan(30 * 1024 * 1024);
    expect(result.stdout.length).toBeLessThan(20_000);
    expect(readFileSync(path.join(root, '.orch-guard/runs/1/flaky.1.log'), 'utf8')).toMatch(/^flaky: failing on execution 1\n/);
    expect(readFileSync(path.join(root, '.orch-guard/runs/1/flaky.3.log'), 'utf8')).toMatch(/^flaky: passing on execution 3\n/);
  });
});

describe('orch-guard run: bad plans', () => {
  it('fails the plan gate on a dependsOn cycle, naming it', async () => {
    const root = pipelineCase('dependency-cycle');
    const dryRun = await runCli(['run', '--dry-run'], { cwd: root });
    expect(dryRun.exitCode).toBe(1);
    expect(dryRun.stdout).toBe('The tasks have no order: dependsOn cycle build → test → package → build\n');
    const result = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const run = await status(root);
    expect(taskStates(run)).toEqual({ lint: 'skipped', build: 'skipped', test: 'skipped', package: 'skipped' });
    expect(run.gates).toEqual([expect.objectContaining({
      phase: 'plan', verdict: 'blocked',
      detail: ['dependsOn cycle: build → test → package → build (each depends on the next): the tasks have no order; remove one of these dependencies'],
    })]);
    expect(executions(root)).toEqual({});
  });

  it('blocks the plan when a task does not depend on the task producing what its component requires', async () => {
    const root = pipelineCase('missing-order');
    const result = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const run = await status(root);
    expect(taskStates(run)).toEqual({ 'build-billing': 'skipped', 'wire-api': 'skipped', docs: 'skipped' });
    const plan = run.gates.find((gate) => gate.phase === 'plan');
    expect(plan?.verdict).toBe('blocked');
    expect(plan?.detail).toEqual([
      'plan-order: task wire-api builds api, which requires billing:createInvoice; task build-billing produces it, but wire-api does not depend on it (directly or not): add "build-billing" to the dependsOn of wire-api',
    ]);
    expect(plan?.findings).toEqual([expect.objectContaining({ rule: 'plan-order', severity: 'error', state: 'blocking', task: 'wire-api', component: 'api', symbol: 'createInvoice', fix: 'add "build-billing" to the dependsOn of wire-api' })]);
    expect(executions(root)).toEqual({});
  });

  it.each([
    ['duplicate-id', 'orch-guard: orch.config.ts: pipeline.tasks[2].id: duplicate task id "build" (also pipeline.tasks[0])'],
    ['unknown-dependency', 'orch-guard: orch.config.ts: pipeline.tasks[2].dependsOn[1]: unknown task "biuld" (known: build, test, deploy)'],
    ['unknown-component', 'orch-guard: orch.config.ts: pipeline.tasks[1].component: unknown component "api" (declared: billing)'],
  ])('refuses %s with exit 2 and one line', async (name, message) => {
    const root = pipelineCase(name);
    for (const args of [['run'], ['run', '--dry-run']]) {
      const result = await runCli(args, { cwd: root });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(`${message}\n`);
      expect(result.stdout).toBe('');
    }
    expect(executions(root)).toEqual({});
  });

  it('refuses a config without a pipeline, a run id that does not exist, and bad flags', async () => {
    const root = pipelineCase('provider-consumer');
    writeFileSync(path.join(root, 'orch.config.ts'), "export default { project: ['src/**'] };\n");
    const noPipeline = await runCli(['run'], { cwd: root });
    expect(noPipeline.exitCode).toBe(2);
    expect(noPipeline.stderr).toBe('orch-guard: orch.config.ts has no `pipeline`: declare the tasks to run as `pipeline: { tasks: [{ id, run }] }`\n');
    const noRun = await runCli(['status'], { cwd: pipelineCase('provider-consumer') });
    expect(noRun.exitCode).toBe(2);
    expect(noRun.stderr).toMatch(/^orch-guard: .+\n$/);
    const resume = await runCli(['run', '--resume', '7'], { cwd: pipelineCase('provider-consumer') });
    expect(resume.exitCode).toBe(2);
    expect(resume.stderr).toBe('orch-guard: --resume 7: no such run (`orch-guard status` lists the latest)\n');
    const parallel = await runCli(['run', '--max-parallel', '0'], { cwd: root });
    expect(parallel.exitCode).toBe(2);
    expect(parallel.stderr).toBe('orch-guard: --max-parallel 0: expected a whole number >= 1\n');
  });
});

describe('orch-guard run: durable state', () => {
  it('refuses a second run on the registry, and resumes after kill -9 without re-running passed tasks', async () => {
    const root = pipelineCase('resume');
    const first = await startRun(root, () => executions(root)['slow-api'] === 1);
    const second = await runCli(['run'], { cwd: root, env: { CI: 'true' } });
    expect(second.exitCode).toBe(2);
    expect(second.stderr).toMatch(/^orch-guard: run #1 is in progress on this registry \(orch-guard pid \d+, started .+\): wait for it to end, or stop it; `orch-guard status 1` shows its progress\n$/);
    const during = await status(root);
    expect(taskStates(during)).toEqual({ 'build-billing': 'passed', 'slow-api': 'running', 'wire-entry': 'pending' });

    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const orphan = readEvents(root).find((event) => event.type === 'attempt-started' && event.task === 'slow-api')?.pid as number;
    // The runner's watchdog stops the task that was running: it does not wait for a resume.
    for (const deadline = Date.now() + 10_000; isAlive(orphan) && Date.now() < deadline;) await sleep(20);
    expect(isAlive(orphan)).toBe(false);
    // The crashed run's running task is shown as interrupted, and status exits 1.
    const crashed = await status(root);
    expect(crashed.run.status).toBe('crashed');
    expect(taskStates(crashed)).toEqual({ 'build-billing': 'passed', 'slow-api': 'interrupted', 'wire-entry': 'pending' });

    const resumed = await runCli(['run', '--resume'], { cwd: root, env: { CI: 'true' } });
    expect(resumed.stderr).toBe('');
    expect(resumed.exitCode).toBe(0);
    // The attempt that was running when orch-guard died was stopped, then run again.
    expect(isAlive(orphan)).toBe(false);
    expect(executions(root)).toEqual({ 'build-billing': 1, 'slow-api': 2, 'wire-entry': 1 });
    const run = await status(root);
    expect(run.run).toMatchObject({ id: 1, status: 'passed', exitCode: 0 });
    expect(run.tasks.map((task) => [task.id, task.status, task.attempts])).toEqual([['build-billing', 'passed', 1], ['slow-api', 'passed', 2], ['wire-entry', 'passed', 1]]);
    // The resumed session's gates; wave 1's, not judged again, stays from the first session.
    expect(gateVerdicts(run)).toEqual(['wave 1: pass', 'plan: pass', 'wave 2: pass', 'wave 3: pass', 'validate: pass', 'cleanup: pass']);
    // The wave gate after slow-api held api's unwired file as pending, and billing's through it:
    // app (wire-entry's component) requires api, which requires billing.
    expect(run.gates.find((gate) => gate.phase === 'wave' && gate.wave === 2)?.detail).toEqual([
      expect.stringMatching(/^pending until component app is built: unused-file src\/api\/index\.ts:1: /),
      expect.stringMatching(/^pending until component app is built: unused-file src\/billing\/index\.ts:1: .*used only by dead code/),
    ]);
    const resumedAgain = await runCli(['run', '--resume'], { cwd: root });
    expect(resumedAgain.exitCode).toBe(2);
    expect(resumedAgain.stderr).toBe('orch-guard: --resume: run #1 passed: there is nothing to resume\n');
  });

  it('stops its tasks on SIGTERM, records the run as interrupted, and resumes it', async () => {
    const root = pipelineCase('resume');
    const first = await startRun(root, () => executions(root)['slow-api'] === 1);
    const slowPid = readEvents(root).find((event) => event.type === 'attempt-started' && event.task === 'slow-api')?.pid as number;
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 143, signal: null });
    expect(isAlive(slowPid)).toBe(false);
    const stopped = await status(root);
    expect(stopped.run).toMatchObject({ status: 'interrupted', exitCode: 143 });
    expect(taskStates(stopped)).toEqual({ 'build-billing': 'passed', 'slow-api': 'pending', 'wire-entry': 'pending' });
    const resumed = await runCli(['run', '--resume', '1'], { cwd: root, env: { CI: 'true' } });
    expect(resumed.exitCode).toBe(0);
    expect(executions(root)).toEqual({ 'build-billing': 1, 'slow-api': 2, 'wire-entry': 1 });
  });
});

describe('orch-guard run --fix', () => {
  it('applies the cleanup at the end when every task passed, then validates again', async () => {
    const root = pipelineCase('provider-consumer');
    writeFileSync(path.join(root, 'src/legacy.ts'), 'export function oldCheckout(): number {\n  return 1;\n}\n');
    const result = await runCli(['run', '--fix', '--no-git', '--unverified'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(0);
    expect(existsSync(path.join(root, 'src/legacy.ts'))).toBe(false);
    const run = await status(root);
    expect(gateVerdicts(run)).toEqual(['plan: pass', 'wave 1: pass', 'wave 2: pass', 'validate: blocked', 'cleanup: pass', 'validate: pass']);
    expect(run.run).toMatchObject({ status: 'passed', exitCode: 0 });
  });

  it('only dry-runs the cleanup when a task failed', async () => {
    const root = pipelineCase('forgets-wiring');
    const result = await runCli(['run', '--fix', '--no-git'], { cwd: root, env: { CI: 'true' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('--fix: the cleanup was not applied because not every task passed; it ran as a dry run');
    expect(existsSync(path.join(root, 'src/reports/index.ts'))).toBe(true);
  });
});
