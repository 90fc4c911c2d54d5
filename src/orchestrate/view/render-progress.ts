import type { ProgressModel, TaskProgress } from './progress-model.js';
import { formatDuration } from './format-duration.js';

const MAX_QUEUED_LINES = 8;
const FINISHED = new Set(['passed', 'failed', 'blocked', 'skipped', 'timed-out']);

/**
 * The live block under the log lines on a terminal: a header with the wave and the counts,
 * the running tasks with their elapsed time, then the queued ones with what each waits for.
 */
export function renderProgress(model: ProgressModel, now: number): string[] {
  const tasks = [...model.tasks.values()];
  const count = (status: string) => tasks.filter((task) => task.status === status).length;
  const running = tasks.filter((task) => task.status === 'running');
  const queued = tasks.filter((task) => task.status === 'pending');
  const waveDone = tasks.filter((task) => task.wave === model.wave).every((task) => FINISHED.has(task.status));
  const phase = model.wave === 0 ? 'plan gate' : `wave ${model.wave}/${model.waveCount}${waveDone && queued.length > 0 ? ', validation gate' : ''}`;
  const counts = [['passed', count('passed')], ['failed', count('failed') + count('timed-out') + count('blocked')], ['skipped', count('skipped')], ['running', running.length], ['queued', queued.length]]
    .filter(([, n]) => n !== 0).map(([label, n]) => `${n} ${label}`).join(' · ');
  const lines = [`run #${model.runId} · ${phase} · ${formatDuration(now - model.startedAt)}${counts !== '' ? ` · ${counts}` : ''}`];
  const width = Math.max(...[...running, ...queued].map((task) => task.id.length), 0);
  for (const task of running) {
    lines.push(`  ▸ ${task.id.padEnd(width)}  ${formatDuration(now - (task.startedAt ?? now))}${task.attempt > 1 ? `  attempt ${task.attempt}` : ''}`);
  }
  for (const task of queued.slice(0, MAX_QUEUED_LINES)) lines.push(`  · ${task.id.padEnd(width)}  ${waitingFor(task, model)}`);
  if (queued.length > MAX_QUEUED_LINES) lines.push(`  … and ${queued.length - MAX_QUEUED_LINES} more queued`);
  return lines;
}

function waitingFor(task: TaskProgress, model: ProgressModel): string {
  if (model.wave === 0) return 'waits for the plan gate';
  if (task.wave <= model.wave) return `waits for a free slot (${model.maxParallel} at once)`;
  const unfinished = task.dependsOn.filter((id) => !FINISHED.has(model.tasks.get(id)?.status ?? ''));
  if (unfinished.length > 0) return `waits for ${unfinished.join(', ')}`;
  return `waits for wave ${task.wave - 1} to end at its validation gate`;
}
