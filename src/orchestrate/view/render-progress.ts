import type { ProgressModel, TaskProgress } from './progress-model.js';
import { formatDuration } from './format-duration.js';

const MAX_QUEUED_LINES = 8;
const FINISHED = new Set(['passed', 'failed', 'blocked', 'skipped', 'timed-out']);

/**
 * The live block under the log lines on a terminal: a header with the phase (the wave, or a
 * gate under way) and the counts, the running tasks with their elapsed time, the timeout left
 * and retry countdowns, then the queued ones with what each waits for.
 */
export function renderProgress(model: ProgressModel, now: number): string[] {
  const tasks = [...model.tasks.values()];
  const count = (status: string) => tasks.filter((task) => task.status === status).length;
  const running = tasks.filter((task) => task.status === 'running');
  const queued = tasks.filter((task) => task.status === 'pending');
  const counts = [['passed', count('passed')], ['failed', count('failed') + count('timed-out') + count('blocked')], ['skipped', count('skipped')], ['running', running.length], ['queued', queued.length]]
    .filter(([, n]) => n !== 0).map(([label, n]) => `${n} ${label}`).join(' · ');
  const lines = [`run #${model.runId} · ${phaseOf(model, queued.length > 0, now)} · ${formatDuration(now - model.startedAt)}${counts !== '' ? ` · ${counts}` : ''}`];
  const width = Math.max(...[...running, ...queued].map((task) => task.id.length), 0);
  for (const task of running) lines.push(`  ▸ ${task.id.padEnd(width)}  ${runningState(task, now)}`);
  for (const task of queued.slice(0, MAX_QUEUED_LINES)) lines.push(`  · ${task.id.padEnd(width)}  ${waitingFor(task, model)}`);
  if (queued.length > MAX_QUEUED_LINES) lines.push(`  … and ${queued.length - MAX_QUEUED_LINES} more queued`);
  return lines;
}

function phaseOf(model: ProgressModel, anyQueued: boolean, now: number): string {
  const gate = model.gate !== undefined ? `${model.gate.label} ${formatDuration(now - model.gate.startedAt)}` : undefined;
  if (model.schedule === 'dependencies') return !model.planDone ? 'plan gate' : `by dependencies${gate !== undefined ? ` · ${gate}` : ''}`;
  if (model.wave === 0) return 'plan gate';
  const waveDone = [...model.tasks.values()].filter((task) => task.wave === model.wave).every((task) => FINISHED.has(task.status));
  return `wave ${model.wave}/${model.waveCount}${waveDone && anyQueued ? ', validation gate' : ''}`;
}

function runningState(task: TaskProgress, now: number): string {
  if (task.retryAt !== undefined) return `retry in ${formatDuration(Math.max(0, task.retryAt - now))} (attempt ${task.attempt + 1})`;
  const elapsed = now - (task.startedAt ?? now);
  const attempt = task.attempt > 1 ? `  attempt ${task.attempt}` : '';
  const timeout = task.timeoutMs !== undefined ? `  timeout in ${formatDuration(Math.max(0, task.timeoutMs - elapsed))}` : '';
  return `${formatDuration(elapsed)}${attempt}${timeout}`;
}

function waitingFor(task: TaskProgress, model: ProgressModel): string {
  const unfinished = task.dependsOn.filter((id) => !FINISHED.has(model.tasks.get(id)?.status ?? ''));
  if (model.schedule === 'dependencies') {
    if (!model.planDone) return 'waits for the plan gate';
    if (unfinished.length > 0) return `waits for ${unfinished.join(', ')}`;
    const point = model.syncPoints.find((entry) => !model.syncDone.has(entry.number) && !entry.after.includes(task.id) && task.dependsOn.some((id) => entry.after.includes(id)));
    if (point !== undefined) return `waits for the gate at sync point ${point.number} (after ${point.after.join(', ')})`;
    return `waits for a free slot (${model.maxParallel} at once)`;
  }
  if (model.wave === 0) return 'waits for the plan gate';
  if (task.wave <= model.wave) return `waits for a free slot (${model.maxParallel} at once)`;
  if (unfinished.length > 0) return `waits for ${unfinished.join(', ')}`;
  return `waits for wave ${task.wave - 1} to end at its validation gate`;
}
