import type { TaskConfig } from '../config/pipeline-schema.js';

export type TaskGraphPlan =
  | { kind: 'waves'; waves: string[][] }
  /** The ids along a `dependsOn` cycle, each depending on the next, the first repeated at the end: a → b → a. */
  | { kind: 'cycle'; cycle: string[] };

/**
 * Orders the tasks into waves: a task's wave is one after the latest wave among its
 * dependencies, so each wave only needs what earlier waves built (the validation gate between
 * waves is a sync point). Within a wave, config order. A `dependsOn` cycle has no order.
 */
export function planWaves(tasks: readonly TaskConfig[]): TaskGraphPlan {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const cycle = findCycle(tasks, byId);
  if (cycle !== undefined) return { kind: 'cycle', cycle };
  const waveOf = new Map<string, number>();
  const level = (id: string): number => {
    const known = waveOf.get(id);
    if (known !== undefined) return known;
    const dependencies = byId.get(id)?.dependsOn ?? [];
    const wave = dependencies.reduce((latest, dependency) => Math.max(latest, level(dependency) + 1), 0);
    waveOf.set(id, wave);
    return wave;
  };
  const waves: string[][] = [];
  for (const task of tasks) (waves[level(task.id)] ??= []).push(task.id);
  return { kind: 'waves', waves };
}

/** The first cycle a depth-first walk meets, in config order (so the report is stable). */
function findCycle(tasks: readonly TaskConfig[], byId: ReadonlyMap<string, TaskConfig>): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const onPath = path.indexOf(id);
    if (onPath !== -1) return [...path.slice(onPath), id];
    if (done.has(id)) return undefined;
    path.push(id);
    for (const dependency of byId.get(id)?.dependsOn ?? []) {
      const cycle = visit(dependency);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    done.add(id);
    return undefined;
  };
  for (const task of tasks) {
    const cycle = visit(task.id);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}
