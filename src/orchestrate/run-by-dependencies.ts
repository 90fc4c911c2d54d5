import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import { FAILED_STATUSES } from './run-events.js';
import type { SyncPoint } from './load-plan.js';
import { runTask } from './run-task.js';
import { admitTask, type WaveContext } from './run-wave.js';


export interface DependencySchedule extends WaveContext {
  syncPoints: readonly SyncPoint[];
  /** Judges the tasks that ran since the last gate, at a sync point; blamed tasks are set `blocked` in `results`. */
  judge(point: number, tasks: readonly TaskConfig[]): Promise<void>;
  /** Shown in the live view: a task is waiting for a gate, or a gate started and ended. */
  onSync(point: number, state: 'started' | 'ended'): void;
}

const RAN = new Set(['passed', 'failed', 'timed-out']);

/**
 * Runs the tasks that have no result yet as soon as their own dependencies are done, at most
 * `maxParallel` at once, with no barrier between "waves". A task that depends on a member of
 * a sync point waits for that point's gate too, so it does not build on work the gate blocks.
 * Resolves with the tasks that ran but no gate has judged yet (the end gate judges them).
 */
export function runByDependencies(ids: readonly string[], context: DependencySchedule): Promise<TaskConfig[]> {
  const { plan, results } = context;
  const queue = ids.filter((id) => !results.has(id)).map((id) => plan.byId.get(id) as TaskConfig);
  const unjudged: TaskConfig[] = [];
  // Points whose members all ran before a resume are behind us already.
  const open = new Set(context.syncPoints.filter((point) => [...point.after].some((id) => !results.has(id))).map((point) => point.number));
  const gating = new Set<number>();
  let gates = Promise.resolve();
  let active = 0;
  let failure: unknown;
  const inside = insidePoints(context.syncPoints, plan.byId);
  return new Promise((resolve, reject) => {
    const waitsForGate = (task: TaskConfig) => context.syncPoints.some((point) => (open.has(point.number) || gating.has(point.number))
      && !inside.get(point.number)?.has(task.id) && (task.dependsOn ?? []).some((id) => point.after.has(id)));
    const ready = (task: TaskConfig) => (task.dependsOn ?? []).every((id) => results.has(id)) && !waitsForGate(task);
    const fireSyncPoints = () => {
      for (const point of context.syncPoints) {
        if (!open.has(point.number) || [...point.after].some((id) => !results.has(id))) continue;
        open.delete(point.number);
        gating.add(point.number);
        const judged = unjudged.splice(0);
        context.onSync(point.number, 'started');
        gates = gates.then(async () => {
          if (judged.length > 0 && failure === undefined && !context.task.signal.aborted) await context.judge(point.number, judged);
        }).then(() => {
          gating.delete(point.number);
          context.onSync(point.number, 'ended');
          pump();
        }, (error: unknown) => {
          failure ??= error;
          context.stopAll();
          gating.delete(point.number);
          pump();
        });
      }
    };
    const settle = (task: TaskConfig, result: TaskResult | 'interrupted') => {
      active -= 1;
      if (result !== 'interrupted') {
        results.set(task.id, result);
        if (RAN.has(result.status)) unjudged.push(task);
        if (FAILED_STATUSES.has(result.status) && context.bail.enabled) context.bail.cause ??= `${task.id} ${result.status}`;
      }
      pump();
    };
    const pump = () => {
      const stopped = context.task.signal.aborted || failure !== undefined;
      let progressed = true;
      while (progressed) {
        progressed = false;
        fireSyncPoints();
        for (const task of [...queue]) {
          if (stopped || active >= plan.maxParallel) break;
          if (!ready(task)) continue;
          queue.splice(queue.indexOf(task), 1);
          progressed = true;
          if (!admitTask(task, context)) continue;
          active += 1;
          runTask(task, context.task, context.previousAttempts.get(task.id) ?? 0).then((result) => settle(task, result), (error: unknown) => {
            failure ??= error;
            context.stopAll();
            settle(task, 'interrupted');
          });
        }
      }
      if (active === 0 && gating.size === 0 && (queue.length === 0 || stopped)) {
        if (failure !== undefined) reject(failure);
        else resolve(unjudged.splice(0));
      }
    };
    pump();
  });
}

/** The members of each point and everything they depend on: those tasks must not wait for the point. */
function insidePoints(points: readonly SyncPoint[], byId: ReadonlyMap<string, TaskConfig>): Map<number, Set<string>> {
  return new Map(points.map((point) => {
    const inside = new Set<string>();
    const pending = [...point.after];
    while (pending.length > 0) {
      const id = pending.pop() as string;
      if (inside.has(id)) continue;
      inside.add(id);
      pending.push(...(byId.get(id)?.dependsOn ?? []));
    }
    return [point.number, inside];
  }));
}
