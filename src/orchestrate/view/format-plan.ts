import type { PipelinePlan } from '../load-plan.js';

/** `orch-guard run --dry-run`: the tasks (by wave, or by dependency level), and the gates that would judge them. */
export function formatPlan(plan: PipelinePlan, options: { gates: boolean }): string {
  if (plan.graph.kind === 'cycle') return `The tasks have no order: dependsOn cycle ${plan.graph.cycle.join(' → ')}\n`;
  const { waves } = plan.graph;
  const byDependencies = plan.schedule === 'dependencies';
  const lines = [`${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'} ${byDependencies ? `by dependencies (${waves.length} level${waves.length === 1 ? '' : 's'})` : `in ${waves.length} wave${waves.length === 1 ? '' : 's'}`}, at most ${plan.maxParallel} at once`, ''];
  if (options.gates) lines.push('gate plan: the contracts can be built, and the tasks have an order');
  waves.forEach((ids, index) => {
    lines.push(byDependencies ? `level ${index + 1} (each task starts when its own dependencies are done)` : `wave ${index + 1}`);
    for (const id of ids) {
      const task = plan.byId.get(id);
      if (task === undefined) continue;
      const steps = [
        options.gates && task.role !== 'review' && task.component !== undefined ? `gate build ${task.component}` : undefined,
        `run \`${task.run}\`${task.timeout !== undefined ? ` (timeout ${task.timeout} ms)` : ''}${task.retries ? ` (${task.retries} retr${task.retries === 1 ? 'y' : 'ies'})` : ''}`,
        options.gates && (task.produces ?? []).length > 0 ? `check produces ${(task.produces ?? []).join(', ')}` : undefined,
      ].filter((step) => step !== undefined);
      const after = (task.dependsOn ?? []).length > 0 ? ` after ${(task.dependsOn ?? []).join(', ')}` : '';
      const when = task.when === undefined ? '' : typeof task.when === 'function' ? ', when a function allows' : `, when ${task.when.task} ${[task.when.status && `is ${[task.when.status].flat().join('/')}`, task.when.exitCode !== undefined && `exits ${task.when.exitCode}`, task.when.gate && `has gate ${task.when.gate}`].filter(Boolean).join(', ')}`;
      lines.push(`  ${id}${task.role === 'review' ? ' (review)' : ''}${after}${when}: ${steps.join(' → ')}`);
    }
    if (options.gates && !byDependencies) lines.push(`gate wave ${index + 1}: no findings introduced by wave ${index + 1}`);
  });
  if (options.gates && byDependencies) {
    for (const point of plan.syncPoints) lines.push(`gate sync ${point.number}, once ${[...point.after].join(', ')} finished: no findings introduced since the last gate; what depends on ${point.after.size === 1 ? 'it' : 'them'} waits`);
    lines.push('gate at the end: no findings introduced since the last gate');
  }
  if (options.gates) lines.push('gate validate: the whole project', 'cleanup: a dry run (gate cleanup), or with --fix the cleanup');
  return `${lines.join('\n')}\n`;
}
