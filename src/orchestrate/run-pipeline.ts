import path from 'node:path';
import { openRegistry } from '../registry/open-registry.js';
import { registryPath } from '../analyse/with-registry.js';
import { UsageError } from '../errors.js';
import { driveRun } from './drive-run.js';
import { loadPlan, type PipelinePlan } from './load-plan.js';
import { stopLeftoverGroup } from '../process/stop-process-group.js';
import { runnerToken, stopMarkedProcesses, taskToken } from '../process/task-processes.js';
import { processStartMarker } from '../process/process-identity.js';
import { startRunnerWatchdog } from '../process/runner-watchdog.js';
import type { RunOptions } from './run-options.js';
import { claimRun } from './state/claim-run.js';
import { type RunRecord, readRun } from './state/read-run.js';
import { prepareRunDir } from './state/run-dir.js';
import { openRunJournal } from './state/run-journal.js';

export interface RunOutcome {
  run: RunRecord;
  notices: string[];
  exitCode: number;
}

/**
 * `orch-guard run`: load the plan → take the registry's run lock (a new run, or the one to
 * resume) → stop what a crashed run left running → drive the run through its phases, every
 * step recorded in the registry and the run's events.jsonl → the run as recorded.
 */
export async function runPipeline(options: RunOptions): Promise<RunOutcome> {
  const plan = await loadPlan(options);
  const unknown = (options.rerun?.only ?? []).filter((id) => !plan.byId.has(id));
  if (unknown.length > 0) throw new UsageError(`--only ${unknown.join(' ')}: no such task (known: ${plan.tasks.map((task) => task.id).join(', ')})`);
  const notices: string[] = [];
  const registry = openRegistry(registryPath(plan.root, plan.registry), notices);
  try {
    const claimed = claimRun(registry, {
      ...(options.resume !== undefined ? { resume: options.resume } : {}),
      configHash: plan.configHash,
      keepRuns: plan.keepRuns,
      resumePassed: options.rerun?.only !== undefined,
      options: { bail: options.bail, gates: options.gates, fix: options.fix !== undefined, maxParallel: plan.maxParallel },
    });
    if (claimed.configChanged) notices.push(`the config changed since run #${claimed.runId} started: its passed tasks are kept by id`);
    const runDir = prepareRunDir(plan.root, claimed);
    // What crashed runs left running (their watchdog was killed too, or could not start) stops
    // before any task of this run starts.
    for (const crashed of claimed.crashedRunners) {
      await stopMarkedProcesses(runnerToken(plan.root, crashed.runId, crashed.pid, crashed.pidStarted), plan.gracePeriodMs);
    }
    for (const lost of claimed.lostAttempts) {
      await stopLeftoverGroup(lost.pid, lost.pidStarted, plan.gracePeriodMs, taskToken(plan.root, claimed.runId, lost.task, lost.attempt));
    }
    const token = runnerToken(plan.root, claimed.runId, process.pid, processStartMarker(process.pid) ?? null);
    const runner = { token, watchdog: startRunnerWatchdog(token, plan.gracePeriodMs, path.join(runDir, 'watchdog.pid')) };
    const journal = openRunJournal(registry, claimed.runId, path.join(runDir, 'events.jsonl'), options.onEvent);
    const gateNotices = new Set<string>();
    try {
      const exitCode = await driveRun({
        plan, registry, claimed, runDir, journal, options,
        // The gates (and the analysis behind them) are loaded only when they run.
        gates: options.gates ? (await import('./pipeline-gates.js')).createPipelineGates(plan, gateNotices) : undefined,
        notices,
        runner,
      });
      return { run: readRun(registry, claimed.runId) as RunRecord, notices: [...notices, ...gateNotices], exitCode };
    } finally {
      runner.watchdog.close();
      journal.close();
    }
  } finally {
    registry.close();
  }
}

/** `orch-guard run --dry-run`: the plan, without running anything; exit 1 when it has no order. */
export async function dryRunPipeline(options: { root: string; configFile?: string; maxParallel?: number }): Promise<{ plan: PipelinePlan; exitCode: 0 | 1 }> {
  const plan = await loadPlan(options);
  return { plan, exitCode: plan.graph.kind === 'cycle' ? 1 : 0 };
}
