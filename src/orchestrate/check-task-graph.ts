import type { TaskGraphPlan } from './plan-waves.js';
import type { Verdict } from './run-events.js';

export interface GateCheck {
  verdict: Verdict;
  /** Why, one line each: the findings or missing symbols. */
  detail: string[];
}

/** The plan gate's own part: the tasks have an order (no `dependsOn` cycle). */
export function checkTaskGraph(graph: TaskGraphPlan): GateCheck {
  return graph.kind === 'cycle'
    ? { verdict: 'blocked', detail: [`dependsOn cycle: ${graph.cycle.join(' → ')} (each depends on the next): the tasks have no order; remove one of these dependencies`] }
    : { verdict: 'pass', detail: [] };
}
