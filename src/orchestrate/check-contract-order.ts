import { parseRequirement } from '../config/requirement.js';
import type { TaskConfig } from '../config/pipeline-schema.js';
import type { PipelinePlan } from './load-plan.js';
import type { RunFinding } from './run-finding.js';

/**
 * The order the contracts imply: a task building a component that requires a symbol (or a
 * component) which another task produces, or whose component it builds, must depend on that
 * task, directly or through others. Otherwise it only works when the producer happens to be
 * faster. Each missing `dependsOn` is a finding naming both tasks.
 */
export function checkContractOrder(plan: Pick<PipelinePlan, 'tasks' | 'byId' | 'components'>): RunFinding[] {
  const findings: RunFinding[] = [];
  for (const task of plan.tasks) {
    if (task.role === 'review' || task.component === undefined) continue;
    const ancestors = ancestorsOf(task, plan.byId);
    for (const entry of plan.components[task.component]?.requires ?? []) {
      const requirement = parseRequirement(entry);
      if (requirement === undefined) continue;
      for (const producer of plan.tasks) {
        if (producer === task || producer.role === 'review' || ancestors.has(producer.id) || !provides(producer, requirement)) continue;
        findings.push({
          rule: 'plan-order',
          severity: 'error',
          state: 'blocking',
          file: null,
          line: null,
          symbol: requirement.symbol ?? null,
          component: task.component,
          consumer: null,
          task: task.id,
          fingerprint: `plan-order:${task.id}:${producer.id}`,
          message: `task ${task.id} builds ${task.component}, which requires ${entry}; task ${producer.id} ${promises(producer, requirement) ? 'produces it' : `builds ${producer.component}`}, but ${task.id} does not depend on it (directly or not)`,
          fix: `add "${producer.id}" to the dependsOn of ${task.id}`,
        });
      }
    }
  }
  return findings;
}

type Requirement = NonNullable<ReturnType<typeof parseRequirement>>;

const provides = (producer: TaskConfig, requirement: Requirement) => (requirement.component !== undefined && producer.component === requirement.component) || promises(producer, requirement);

function promises(producer: TaskConfig, requirement: Requirement): boolean {
  return (producer.produces ?? []).some((entry) => {
    const produced = parseRequirement(entry);
    if (produced === undefined) return false;
    if (requirement.path !== undefined) return produced.path === requirement.path && produced.symbol === requirement.symbol;
    return produced.component === requirement.component && (requirement.symbol === undefined || produced.symbol === undefined || produced.symbol === requirement.symbol);
  });
}

function ancestorsOf(task: TaskConfig, byId: ReadonlyMap<string, TaskConfig>): Set<string> {
  const seen = new Set<string>();
  const pending = [...(task.dependsOn ?? [])];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return seen;
}
