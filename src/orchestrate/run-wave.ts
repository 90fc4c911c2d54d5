import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import { decideTask } from './decide-task.js';
import { FAILED_STATUSES } from './run-events.js';
import type { PipelinePlan } from './load-plan.js';
import { runTask, type TaskContext } from './run-task.js';

export interface WaveContext {
  plan: PipelinePlan;
  task: TaskContext;
  /** Every finished task's result, this session's and those kept from before a resume. */
  results: Map<string, TaskResult>;
  /** Attempts made before a resume, so attempt numbers (and log names) go on. */
  previousAttempts: ReadonlyMap<string, number>;
  /** With --bail: the first failure, once there is one; nothing new starts after it. */
  bail: { enabled: boolean; cause?: string };
  /** Stops the running tasks (an internal error in one of them ends the run). */
  stopAll: () => void;
}

/**
 * Runs the tasks of one wave that have no result yet (kept ones are not run again), at most `maxParallel` at once, each
 * decided (run, skip, fail) when its turn comes. Resolves when all have ended or the run is
 * interrupted; returns the tasks that ran, whose work the wave's gate then judges.
 */
export function runWaveTasks(ids: readonly string[], context: WaveContext): Promise<TaskConfig[]> {
  const { plan, results } = context;
  const taskContext = context.task;
  const queue = ids.filter((id) => !results.has(id)).map((id) => plan.byId.get(id) as TaskConfig);
  const ran: TaskConfig[] = [];
  let active = 0;
  return new Promise((resolve, reject) => {
    let failure: unknown;
    const settle = (task: TaskConfig, result: TaskResult | 'interrupted') => {
      active -= 1;
      if (result !== 'interrupted') {
        results.set(task.id, result);
        if (FAILED_STATUSES.has(result.status) && context.bail.enabled) context.bail.cause ??= `${task.id} ${result.status}`;
      }
      pump();
    };
    const pump = () => {
      const stopped = taskContext.signal.aborted || failure !== undefined;
      while (!stopped && active < plan.maxParallel && queue.length > 0) {
        const task = queue.shift() as TaskConfig;
        if (!admitTask(task, context)) continue;
        active += 1;
        ran.push(task);
        runTask(task, taskContext, context.previousAttempts.get(task.id) ?? 0).then((result) => settle(task, result), (error: unknown) => {
          failure ??= error;
          context.stopAll();
          settle(task, 'interrupted');
        });
      }
      if (active === 0 && (queue.length === 0 || stopped)) {
        if (failure !== undefined) reject(failure);
        else resolve(ran);
      }
    };
    pump();
  });
}

/**
 * Whether a task whose turn has come runs. One that does not is recorded here: skipped (after
 * --bail, a dependency that did not pass, a condition not met) or failed (`when` threw).
 */
export function admitTask(task: TaskConfig, context: WaveContext): boolean {
  const decision = context.bail.cause !== undefined
    ? { kind: 'skip' as const, reason: `not started: --bail after ${context.bail.cause}` }
    : decideTask(task, context.results);
  if (decision.kind === 'run') return true;
  const status = decision.kind === 'skip' ? 'skipped' : 'failed';
  const result: TaskResult = { status, exitCode: null, attempts: context.previousAttempts.get(task.id) ?? 0, durationMs: null, reason: decision.reason, gate: null };
  context.results.set(task.id, result);
  context.task.journal.record({ type: 'task-finished', task: task.id, status, reason: decision.reason, attempts: result.attempts, exitCode: null, durationMs: null });
  if (status === 'failed' && context.bail.enabled) context.bail.cause ??= `${task.id} failed`;
  return false;
}
