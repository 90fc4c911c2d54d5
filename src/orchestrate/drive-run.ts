import { constants } from 'node:os';
import type { PipelinePlan } from './load-plan.js';
import { checkTaskGraph, type GateCheck } from './check-task-graph.js';
import { FAILED_STATUSES, type PlannedTask, type RunGatePhase, type Verdict } from './run-events.js';
import { buildByDependencies, buildInWaves } from './build-phase.js';
import type { RunContext } from './run-context.js';
import type { WaveContext } from './run-wave.js';
import { selectKeptResults } from './select-kept-results.js';
import { readRun } from './state/read-run.js';

/**
 * The four phases of a run: the plan gate → the coordinated build (tasks by their
 * dependencies, validation gates at the sync points; or in waves, a gate after each) → the
 * full validate gate → cleanup. Returns the
 * exit code: 0 all passed, 1 a task or gate failed, 128 + signal when interrupted.
 */
export async function driveRun(run: RunContext): Promise<number> {
  const { plan, journal, gates, claimed, options } = run;
  const previous = claimed.resumed ? readRun(run.registry, claimed.runId) : undefined;
  const results = selectKeptResults(plan, previous?.tasks ?? [], { gates: gates !== undefined, ...options.rerun });
  const waves = plan.graph.kind === 'waves' ? plan.graph.waves : [];
  journal.record({
    type: 'run-started', runId: claimed.runId, resumed: claimed.resumed, maxParallel: plan.maxParallel, tasks: plannedTasks(plan, waves), kept: [...results.keys()],
    schedule: plan.schedule, syncPoints: plan.syncPoints.map((point) => ({ number: point.number, after: [...point.after] })),
  });
  // The latest verdict of each gate (per wave for wave gates): any blocked one fails the run.
  const gateVerdicts = new Map<string, Verdict>();
  const gate = async <T extends GateCheck & { blamed?: string[] }>(phase: RunGatePhase, check: () => Promise<T>, wave?: number): Promise<T> => {
    if (phase === 'sync' || phase === 'wave') journal.record({ type: 'gate-started', phase, ...(wave !== undefined ? { wave } : {}) });
    const started = Date.now();
    const result = await check();
    journal.record({
      type: 'gate', phase, verdict: result.verdict, ...(wave !== undefined ? { wave } : {}), tasks: result.blamed ?? [], detail: result.detail, findings: result.findings, durationMs: Date.now() - started,
    });
    gateVerdicts.set(wave !== undefined ? `${phase} ${wave}` : phase, result.verdict);
    return result;
  };

  // 1. Plan: the task graph has an order, and the contracts can be built in it.
  const planCheck = await gate('plan', () => gates?.plan() ?? Promise.resolve(checkTaskGraph(plan)));
  if (planCheck.verdict === 'blocked') {
    for (const task of plan.tasks) {
      if (!results.has(task.id)) journal.record({ type: 'task-finished', task: task.id, status: 'skipped', reason: 'not run: the plan gate blocked', attempts: 0, exitCode: null, durationMs: null });
    }
    return finish(run, 1);
  }

  // 2. The coordinated build, by dependencies (gates at the sync points and at the end) or in waves (a gate after each).
  const stopper = new AbortController();
  const interrupt = () => stopper.abort(options.signal.reason);
  options.signal.addEventListener('abort', interrupt, { once: true });
  const context: WaveContext = {
    plan,
    task: { root: plan.root, runId: claimed.runId, runDir: run.runDir, gracePeriodMs: plan.gracePeriodMs, gates, journal, signal: stopper.signal, taskCache: options.taskCache !== false, runner: run.runner, notices: run.notices },
    results,
    previousAttempts: new Map((previous?.tasks ?? []).map((task) => [task.id, task.attempts])),
    bail: { enabled: options.bail },
    stopAll: () => stopper.abort('error'),
  };
  try {
    if (plan.schedule === 'waves') await buildInWaves(run, { context, previous, gate, waves });
    else await buildByDependencies(run, { context, previous, gate });
  } finally {
    options.signal.removeEventListener('abort', interrupt);
  }
  if (options.signal.aborted) {
    const signal = String(options.signal.reason) as keyof typeof constants.signals;
    return finish(run, 128 + (constants.signals[signal] ?? constants.signals.SIGINT), 'interrupted');
  }

  // 3. Integration validation and cleanup, unless --bail stopped the run.
  if (gates !== undefined && context.bail.cause === undefined) {
    await gate('validate', () => gates.validate());
    const allPassed = [...results.values()].every((result) => !FAILED_STATUSES.has(result.status) && result.gate !== 'blocked');
    if (options.fix !== undefined && !allPassed) run.notices.push('--fix: the cleanup was not applied because not every task passed; it ran as a dry run');
    const fix = allPassed ? options.fix : undefined;
    const cleanup = await gate('cleanup', () => gates.cleanup(fix));
    if (fix !== undefined && cleanup.verdict === 'pass' && gateVerdicts.get('validate') === 'blocked') await gate('validate', () => gates.validate());
  }
  const failed = [...results.values()].some((result) => FAILED_STATUSES.has(result.status)) || [...gateVerdicts.values()].includes('blocked');
  return finish(run, failed ? 1 : 0);
}

function finish(run: RunContext, exitCode: number, status?: 'interrupted'): number {
  run.journal.record({ type: 'run-finished', status: status ?? (exitCode === 0 ? 'passed' : 'failed'), exitCode });
  return exitCode;
}

function plannedTasks(plan: PipelinePlan, waves: readonly string[][]): PlannedTask[] {
  const waveOf = new Map(waves.flatMap((ids, index) => ids.map((id) => [id, index + 1] as const)));
  return plan.tasks.map((task) => ({
    id: task.id, wave: waveOf.get(task.id) ?? 0, dependsOn: task.dependsOn ?? [], role: task.role ?? 'build', ...(task.component !== undefined ? { component: task.component } : {}),
    ...(task.timeout !== undefined ? { timeoutMs: task.timeout } : {}),
  }));
}
