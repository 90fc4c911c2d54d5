import type { PipelineResults, TaskConfig, TaskResult, WhenCondition } from '../config/pipeline-schema.js';

export type TaskDecision = { kind: 'run' } | { kind: 'skip'; reason: string } | { kind: 'fail'; reason: string };

/**
 * Whether a task whose dependencies have all finished runs. Without `when`, every dependency
 * must have passed, and passed its gates; with `when`, the condition alone decides (as
 * `if:` replaces `needs` success in CI workflows), so a task can react to a failure.
 */
export function decideTask(task: TaskConfig, results: ReadonlyMap<string, TaskResult>): TaskDecision {
  if (task.when === undefined) {
    for (const dependency of task.dependsOn ?? []) {
      const result = results.get(dependency) as TaskResult;
      if (result.gate === 'blocked' && result.reason !== null) return { kind: 'skip', reason: `dependency ${dependency}: ${result.reason}` };
      if (result.status !== 'passed') return { kind: 'skip', reason: `dependency ${dependency} ${result.status === 'skipped' ? 'was skipped' : result.status}` };
      if (result.gate === 'blocked') return { kind: 'skip', reason: `dependency ${dependency}: ${result.reason ?? 'a gate blocked its work'}` };
    }
    return { kind: 'run' };
  }
  if (typeof task.when === 'function') {
    const snapshot: PipelineResults = { tasks: Object.freeze(Object.fromEntries(results)) };
    try {
      return task.when(snapshot) ? { kind: 'run' } : { kind: 'skip', reason: 'condition not met: `when` returned false' };
    } catch (error) {
      return { kind: 'fail', reason: `\`when\` threw: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const condition = task.when;
  const result = results.get(condition.task) as TaskResult;
  return holds(condition, result) ? { kind: 'run' } : { kind: 'skip', reason: `condition not met: ${describeMismatch(condition, result)}` };
}

function holds(condition: WhenCondition, result: TaskResult): boolean {
  const statuses = condition.status === undefined ? undefined : [condition.status].flat();
  return (statuses === undefined || statuses.includes(result.status))
    && (condition.exitCode === undefined || condition.exitCode === result.exitCode)
    && (condition.gate === undefined || condition.gate === result.gate);
}

function describeMismatch(condition: WhenCondition, result: TaskResult): string {
  const wanted = [
    condition.status !== undefined ? `status ${[condition.status].flat().join(' or ')}` : undefined,
    condition.exitCode !== undefined ? `exit code ${condition.exitCode}` : undefined,
    condition.gate !== undefined ? `gate ${condition.gate}` : undefined,
  ].filter((part) => part !== undefined).join(', ');
  return `wanted ${condition.task} with ${wanted}; it has status ${result.status}, exit code ${result.exitCode ?? 'none'}, gate ${result.gate ?? 'none'}`;
}
