import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import { diffSnapshots, type FileChange, snapshotFiles } from './changes/snapshot-files.js';
import { UsageError } from '../errors.js';
import { restoreOutputs, saveOutputs, taskCacheKey } from './task-cache/task-cache.js';
import { type AttemptResult, runInProcessGroup } from '../process/run-in-process-group.js';
import { taskToken, withProcessToken } from '../process/task-processes.js';
import type { RunnerWatchdog } from '../process/runner-watchdog.js';
import type { GateCheck } from './check-task-graph.js';
import type { RunGates } from './pipeline-gates.js';
import type { FinishedStatus } from './run-events.js';
import type { RunJournal } from './state/run-journal.js';

const DEFAULT_RETRY_BACKOFF_MS = 1000;

export interface TaskContext {
  root: string;
  runId: number;
  runDir: string;
  gracePeriodMs: number;
  /** Undefined with --no-gates. */
  gates: RunGates | undefined;
  journal: RunJournal;
  signal: AbortSignal;
  /** false with --no-task-cache: tasks with `inputs` and `outputs` always run. */
  taskCache: boolean;
  /** Told at the end of the run (a task cache that could not be read or written). */
  notices: string[];
  runner: RunnerProcesses;
}

/** This orch-guard process's token, carried by every process of its attempts, and its watchdog. */
export interface RunnerProcesses {
  token: string;
  watchdog: RunnerWatchdog;
}

/** The file name of an attempt's log in the run's folder. */
const attemptLogName = (task: string, attempt: number) => `${task}.${attempt}.log`;

/**
 * One task, start to end: its component's build gate (blocked: the task does not run), its
 * attempts with exponential backoff between them, then the check that what it `produces`
 * exists. Returns its result, or 'interrupted' when the run was stopped (it runs again on resume).
 */
export async function runTask(task: TaskConfig, context: TaskContext, previousAttempts: number): Promise<TaskResult | 'interrupted'> {
  const { journal, gates } = context;
  const finish = (status: FinishedStatus, fields: { reason?: string; attempts?: number; exitCode?: number | null; durationMs?: number | null; gate: TaskResult['gate'] }): TaskResult => {
    const result: TaskResult = {
      status, exitCode: fields.exitCode ?? null, attempts: fields.attempts ?? previousAttempts, durationMs: fields.durationMs ?? null, reason: fields.reason ?? null, gate: fields.gate,
    };
    journal.record({ type: 'task-finished', task: task.id, status, ...(fields.reason !== undefined ? { reason: fields.reason } : {}), attempts: result.attempts, exitCode: result.exitCode, durationMs: result.durationMs });
    return result;
  };
  if (gates !== undefined && task.role !== 'review' && task.component !== undefined) {
    const started = Date.now();
    const check = await gates.build(task.component);
    journal.record({ type: 'gate', phase: 'build', verdict: check.verdict, tasks: [task.id], detail: check.detail, findings: check.findings.map((finding) => ({ ...finding, task: task.id })), durationMs: Date.now() - started });
    if (check.verdict === 'blocked') return finish('blocked', { reason: `build gate of component ${task.component} blocked: ${summarize(check.detail)}`, gate: 'blocked' });
  }
  const cwd = path.resolve(context.root, task.cwd ?? '.');
  if (!existsSync(cwd)) return finish('failed', { reason: `cwd ${task.cwd} does not exist`, gate: null });
  const cached = context.taskCache ? await fromCache(task, context) : undefined;
  if (cached === 'restored') return finish('passed', { gate: gates === undefined ? null : 'pass', durationMs: 0, reason: 'outputs restored from the task cache: inputs, command and env unchanged since a passed attempt' });
  const retries = task.retries ?? 0;
  let attempt = previousAttempts;
  let last: AttemptResult | undefined;
  let durationMs = 0;
  for (let tries = 0; tries <= retries; tries += 1) {
    if (tries > 0) {
      const delayMs = (task.retryBackoff ?? DEFAULT_RETRY_BACKOFF_MS) * 2 ** (tries - 1);
      journal.record({ type: 'retry-scheduled', task: task.id, attempt: attempt + 1, delayMs });
      try {
        await sleep(delayMs, undefined, { signal: context.signal });
      } catch {
        return 'interrupted';
      }
    }
    if (context.signal.aborted) return 'interrupted';
    attempt += 1;
    last = await runAttempt(task, context, attempt, cwd);
    durationMs += last.durationMs;
    if (last.outcome === 'interrupted') return 'interrupted';
    if (last.outcome === 'passed') break;
  }
  const outcome = last as AttemptResult;
  const ran = { attempts: attempt, exitCode: outcome.exitCode, durationMs };
  if (outcome.outcome !== 'passed') return finish(outcome.outcome === 'timed-out' ? 'timed-out' : 'failed', { ...ran, reason: outcome.reason, gate: null });
  const produced = await checkProduces(task, context);
  if (produced?.verdict === 'blocked') return finish('failed', { ...ran, reason: `did not produce what it promised: ${summarize(produced.detail)}`, gate: 'blocked' });
  if (typeof cached === 'string' && context.taskCache) {
    // The cache only spares work: a failure to keep the outputs (a full disk) fails no task.
    try {
      saveOutputs(context.root, cached, task, snapshotFiles(context.root));
    } catch (error) {
      context.notices.push(`task cache: the outputs of ${task.id} were not kept (${firstLine(error)}); it runs again next time`);
    }
  }
  return finish('passed', { ...ran, gate: gates === undefined ? null : 'pass' });
}

/**
 * The task cache: 'restored' when a passed attempt with the same key left outputs to put back
 * (then the produces gate still checks them), else the key to save the outputs under after it
 * passes (undefined: the task declares no inputs and outputs).
 */
async function fromCache(task: TaskConfig, context: TaskContext): Promise<'restored' | string | undefined> {
  const snapshot = snapshotFiles(context.root);
  const key = taskCacheKey(task, snapshot);
  if (key === undefined) return undefined;
  let changes: FileChange[] | undefined;
  try {
    changes = restoreOutputs(context.root, key, snapshot);
  } catch (error) {
    // A refusal to write outside the root is an error of the run; anything else (a full disk)
    // costs the cache only: the task runs and writes its outputs itself.
    if (error instanceof UsageError) throw error;
    context.notices.push(`task cache: the outputs of ${task.id} could not be restored (${firstLine(error)}); it runs instead`);
    return key;
  }
  if (changes === undefined) return key;
  context.journal.record({ type: 'task-restored', task: task.id, key, changes });
  return (await checkProduces(task, context))?.verdict === 'blocked' ? key : 'restored';
}

/** The check that what the task promised (`produces`) exists now, recorded as a gate; undefined when there is nothing to check. */
async function checkProduces(task: TaskConfig, context: TaskContext): Promise<GateCheck | undefined> {
  if (context.gates === undefined || (task.produces ?? []).length === 0) return undefined;
  const started = Date.now();
  const check = await context.gates.produces(task.produces as string[]);
  context.journal.record({
    type: 'gate', phase: 'produces', verdict: check.verdict, tasks: [task.id], detail: check.detail, findings: check.findings.map((finding) => ({ ...finding, task: task.id })), durationMs: Date.now() - started,
  });
  return check;
}

/** orch-guard's environment, copied once: reading process.env is slow, and a run spawns many tasks. */
let baseEnvironment: NodeJS.ProcessEnv | undefined;

async function runAttempt(task: TaskConfig, context: TaskContext, attempt: number, cwd: string): Promise<AttemptResult> {
  baseEnvironment ??= { ...process.env };
  const logFile = path.join(context.runDir, attemptLogName(task.id, attempt));
  // What the attempt wrote, by content: tasks running at the same time may both see a file
  // change, and blame then prefers the task building the file's component.
  const before = snapshotFiles(context.root);
  const result = await runInProcessGroup({
    command: task.run,
    cwd,
    env: withProcessToken({
      ...baseEnvironment,
      ...task.env,
      ORCH_GUARD_ROOT: context.root,
      ORCH_GUARD_RUN_ID: String(context.runId),
      ORCH_GUARD_RUN_DIR: context.runDir,
      ORCH_GUARD_TASK_ID: task.id,
      ORCH_GUARD_ATTEMPT: String(attempt),
    }, context.runner.token),
    watchdog: context.runner.watchdog,
    logFile,
    timeoutMs: task.timeout,
    gracePeriodMs: context.gracePeriodMs,
    signal: context.signal,
    // Derived from the attempt, so a resumed run finds what this one left behind.
    token: taskToken(context.root, context.runId, task.id, attempt),
  }, (pid, pidStarted) => context.journal.record({ type: 'attempt-started', task: task.id, attempt, pid, ...(pidStarted !== undefined ? { pidStarted } : {}), logFile }));
  context.journal.record({
    type: 'attempt-finished', task: task.id, attempt, outcome: result.outcome, exitCode: result.exitCode, signal: result.signal, durationMs: result.durationMs,
    ...(result.reason !== undefined ? { reason: result.reason } : {}),
    changes: diffSnapshots(before, snapshotFiles(context.root)),
  });
  return result;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** The first line of a gate's detail, and how many more there are. */
function summarize(detail: readonly string[]): string {
  if (detail.length === 0) return 'no detail';
  return detail.length === 1 ? detail[0] : `${detail[0]} (and ${detail.length - 1} more)`;
}
