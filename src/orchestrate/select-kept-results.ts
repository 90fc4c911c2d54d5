import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import type { PipelinePlan } from './load-plan.js';
import type { TaskRecord } from './state/read-run.js';

/** Which tasks a resumed run runs again: by default what did not pass; `--only` those named; `--rerun-failed` the failed, timed-out and blocked ones. */
export interface RerunSelection {
  only?: readonly string[];
  failed?: boolean;
}

const RERUN_WHEN_FAILED = new Set(['failed', 'timed-out', 'blocked']);

/**
 * The results a resumed run keeps (those tasks do not run again). By default: the tasks that
 * passed and depend on nothing that runs again (a blocked provider's consumer is built anew
 * on top of its fixed work). With `only`, every recorded result but those tasks; with
 * `failed`, every recorded result but the failed, timed-out and blocked tasks. Tasks that
 * never finished (pending, interrupted) always run.
 */
export function selectKeptResults(plan: Pick<PipelinePlan, 'tasks' | 'byId'>, previous: readonly TaskRecord[], options: RerunSelection & { gates: boolean }): Map<string, TaskResult> {
  const finished = previous.filter((task) => plan.byId.has(task.id) && task.status !== 'pending' && task.status !== 'running' && task.status !== 'interrupted');
  let kept: TaskRecord[];
  if (options.only !== undefined) {
    const only = new Set(options.only);
    kept = finished.filter((task) => !only.has(task.id));
  } else if (options.failed === true) {
    kept = finished.filter((task) => !RERUN_WHEN_FAILED.has(task.status));
  } else {
    const rerun = new Set(plan.tasks.map((task) => task.id).filter((id) => finished.find((task) => task.id === id)?.status !== 'passed'));
    kept = finished.filter((task) => task.status === 'passed' && !dependsOnAny(plan.byId.get(task.id) as TaskConfig, rerun, plan.byId));
  }
  return new Map(kept.map((task) => [task.id, {
    status: task.status as TaskResult['status'],
    exitCode: task.exitCode,
    attempts: task.attempts,
    durationMs: task.durationMs,
    reason: task.reason,
    gate: task.status === 'blocked' || task.gates.produces === 'blocked' ? 'blocked' : options.gates && task.status === 'passed' ? 'pass' : null,
  }]));
}

function dependsOnAny(task: TaskConfig, ids: ReadonlySet<string>, byId: ReadonlyMap<string, TaskConfig>): boolean {
  const seen = new Set<string>();
  const pending = [...(task.dependsOn ?? [])];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (ids.has(id)) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return false;
}
