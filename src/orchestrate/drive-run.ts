import { constants } from 'node:os';
import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import type { PipelinePlan } from './load-plan.js';
import { checkTaskGraph, type GateCheck } from './check-task-graph.js';
import type { RunGates } from './pipeline-gates.js';
import { FAILED_STATUSES, type PlannedTask, type RunGatePhase, type Verdict } from './run-events.js';
import type { RunOptions } from './run-options.js';
import { runWaveTasks, type WaveContext } from './run-wave.js';
import type { ClaimedRun } from './state/claim-run.js';
import { readWaveBasis, saveBasis, saveWaveComparison } from '../registry/pipeline-fingerprint-store.js';
import { readRun, type TaskRecord } from './state/read-run.js';
import type { RunJournal } from './state/run-journal.js';

export interface RunContext {
  plan: PipelinePlan;
  registry: RegistryDatabase;
  claimed: ClaimedRun;
  runDir: string;
  journal: RunJournal;
  gates: RunGates | undefined;
  options: RunOptions;
  notices: string[];
}

/**
 * The four phases of a run: the plan gate → the coordinated build in waves, each ending at
 * the validation gate over what it changed → the full validate gate → cleanup. Returns the
 * exit code: 0 all passed, 1 a task or gate failed, 128 + signal when interrupted.
 */
export async function driveRun(run: RunContext): Promise<number> {
  const { plan, journal, gates, claimed, options } = run;
  const previous = claimed.resumed ? readRun(run.registry, claimed.runId) : undefined;
  const results = keptResults(run, previous?.tasks ?? []);
  const waves = plan.graph.kind === 'waves' ? plan.graph.waves : [];
  journal.record({ type: 'run-started', runId: claimed.runId, resumed: claimed.resumed, maxParallel: plan.maxParallel, tasks: plannedTasks(plan, waves), kept: [...results.keys()] });
  // The latest verdict of each gate (per wave for wave gates): any blocked one fails the run.
  const gateVerdicts = new Map<string, Verdict>();
  const gate = async <T extends GateCheck & { blamed?: string[] }>(phase: RunGatePhase, check: () => Promise<T>, wave?: number): Promise<T> => {
    const started = Date.now();
    const result = await check();
    journal.record({ type: 'gate', phase, verdict: result.verdict, ...(wave !== undefined ? { wave } : {}), tasks: result.blamed ?? [], detail: result.detail, durationMs: Date.now() - started });
    gateVerdicts.set(wave !== undefined ? `${phase} ${wave}` : phase, result.verdict);
    return result;
  };

  // 1. Plan: the task graph has an order, and the contracts can be built in it.
  const planCheck = await gate('plan', () => gates?.plan() ?? Promise.resolve(checkTaskGraph(plan.graph)));
  if (planCheck.verdict === 'blocked') {
    for (const task of plan.tasks) {
      if (!results.has(task.id)) journal.record({ type: 'task-finished', task: task.id, status: 'skipped', reason: 'not run: the plan gate blocked', attempts: 0, exitCode: null, durationMs: null });
    }
    return finish(run, 1);
  }

  // 2. The coordinated build: wave after wave; the gate after each is the sync point.
  const stopper = new AbortController();
  const interrupt = () => stopper.abort(options.signal.reason);
  options.signal.addEventListener('abort', interrupt, { once: true });
  const lastWaveVerdict = (wave: number) => (previous?.gates ?? []).filter((entry) => entry.phase === 'wave' && entry.wave === wave).at(-1)?.verdict;
  let basis: Set<string> | undefined;
  if (gates !== undefined && !claimed.resumed) {
    basis = new Set(await gates.fingerprints());
    saveBasis(run.registry, claimed.runId, [...basis]);
  }
  const waveContext: WaveContext = {
    plan,
    task: { root: plan.root, runId: claimed.runId, runDir: run.runDir, gracePeriodMs: plan.gracePeriodMs, gates, journal, signal: stopper.signal },
    results,
    previousAttempts: new Map((previous?.tasks ?? []).map((task) => [task.id, task.attempts])),
    bail: { enabled: options.bail },
    stopAll: () => stopper.abort('error'),
  };
  try {
    for (const [index, ids] of waves.entries()) {
      const wave = index + 1;
      if (options.signal.aborted) break;
      const passed = ids.every((id) => results.get(id)?.status === 'passed');
      if (passed && (gates === undefined || lastWaveVerdict(wave) === 'pass')) continue;
      journal.record({ type: 'wave-started', wave, tasks: ids });
      const ran = await runWaveTasks(ids, waveContext);
      if (options.signal.aborted) break;
      const executed = ids.map((id) => plan.byId.get(id) as TaskConfig).filter((task) => ['passed', 'failed', 'timed-out'].includes(results.get(task.id)?.status ?? ''));
      if (gates === undefined || waveContext.bail.cause !== undefined || executed.length === 0) continue;
      if (ran.length === 0 && lastWaveVerdict(wave) === 'pass') continue;
      const before = basis ?? new Set(readWaveBasis(run.registry, claimed.runId, wave) ?? await gates.fingerprints());
      const stillToBuild = new Set(plan.tasks.filter((task) => !results.has(task.id) && task.role !== 'review' && task.component !== undefined).map((task) => task.component as string));
      const check = await gate('wave', () => gates.wave(before, executed, stillToBuild), wave);
      saveWaveComparison(run.registry, claimed.runId, wave, [...before], check.fingerprints);
      basis = new Set(check.fingerprints);
      for (const id of check.blamed) {
        results.set(id, { ...(results.get(id) as TaskResult), gate: 'blocked', reason: `the validation gate after wave ${wave} blocked its work: ${check.detail.find((line) => line.startsWith(`${id}: `))?.slice(id.length + 2)}` });
      }
      if (check.verdict === 'blocked' && options.bail) waveContext.bail.cause ??= `the validation gate after wave ${wave} blocked`;
    }
  } finally {
    options.signal.removeEventListener('abort', interrupt);
  }
  if (options.signal.aborted) {
    const signal = String(options.signal.reason) as keyof typeof constants.signals;
    return finish(run, 128 + (constants.signals[signal] ?? constants.signals.SIGINT), 'interrupted');
  }

  // 3. Integration validation and cleanup, unless --bail stopped the run.
  if (gates !== undefined && waveContext.bail.cause === undefined) {
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

/** Resumed: the tasks that passed before are kept, not run again. */
function keptResults(run: RunContext, previous: readonly TaskRecord[]): Map<string, TaskResult> {
  return new Map(previous.filter((task) => task.status === 'passed' && run.plan.byId.has(task.id)).map((task) => [task.id, {
    status: 'passed', exitCode: task.exitCode, attempts: task.attempts, durationMs: task.durationMs, reason: null, gate: run.gates === undefined ? null : 'pass',
  }]));
}

function plannedTasks(plan: PipelinePlan, waves: readonly string[][]): PlannedTask[] {
  const waveOf = new Map(waves.flatMap((ids, index) => ids.map((id) => [id, index + 1] as const)));
  return plan.tasks.map((task) => ({
    id: task.id, wave: waveOf.get(task.id) ?? 0, dependsOn: task.dependsOn ?? [], role: task.role ?? 'build', ...(task.component !== undefined ? { component: task.component } : {}),
  }));
}
