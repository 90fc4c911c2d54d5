import type { TaskStatus } from '../../config/pipeline-schema.js';
import type { RecordedEvent } from '../run-events.js';

export interface TaskProgress {
  id: string;
  wave: number;
  dependsOn: string[];
  status: TaskStatus;
  attempt: number;
  /** When the current attempt started (ms since epoch). */
  startedAt?: number;
  timeoutMs?: number;
  /** Between a failed attempt and its retry: when the retry starts. */
  retryAt?: number;
}

/** What the live view knows of a run, built from its events. */
export interface ProgressModel {
  runId: number;
  maxParallel: number;
  startedAt: number;
  schedule: 'dependencies' | 'waves';
  waveCount: number;
  /** The wave under way (0 before the first). */
  wave: number;
  planDone: boolean;
  syncPoints: Array<{ number: number; after: string[] }>;
  /** Sync points whose gate has run. */
  syncDone: Set<number>;
  /** A validation gate under way (after a wave or at a sync point). */
  gate?: { label: string; startedAt: number };
  tasks: Map<string, TaskProgress>;
  ended: boolean;
}

/** Folds one event into the model; undefined until the run has started. */
export function applyEvent(model: ProgressModel | undefined, event: RecordedEvent): ProgressModel | undefined {
  const time = Date.parse(event.time);
  if (event.type === 'run-started') {
    const kept = new Set(event.kept);
    return {
      runId: event.runId,
      maxParallel: event.maxParallel,
      startedAt: time,
      schedule: event.schedule ?? 'waves',
      waveCount: Math.max(0, ...event.tasks.map((task) => task.wave)),
      wave: 0,
      planDone: false,
      syncPoints: event.syncPoints ?? [],
      syncDone: new Set(),
      tasks: new Map(event.tasks.map((task) => [task.id, {
        id: task.id, wave: task.wave, dependsOn: task.dependsOn, status: kept.has(task.id) ? 'passed' : 'pending', attempt: 0, ...(task.timeoutMs !== undefined ? { timeoutMs: task.timeoutMs } : {}),
      }])),
      ended: false,
    };
  }
  if (model === undefined) return undefined;
  const task = 'task' in event ? model.tasks.get(event.task) : undefined;
  switch (event.type) {
    case 'wave-started':
      model.wave = event.wave;
      break;
    case 'gate-started':
      model.gate = { label: event.phase === 'wave' ? `validation gate after wave ${event.wave}` : `gate at sync point ${event.wave}`, startedAt: time };
      break;
    case 'gate':
      if (event.phase === 'plan') model.planDone = true;
      if (event.phase === 'sync' && event.wave !== undefined) model.syncDone.add(event.wave);
      if (event.phase === 'sync' || event.phase === 'wave') model.gate = undefined;
      break;
    case 'retry-scheduled':
      if (task !== undefined) task.retryAt = time + event.delayMs;
      break;
    case 'attempt-started':
      if (task !== undefined) Object.assign(task, { status: 'running', attempt: event.attempt, startedAt: time, retryAt: undefined });
      break;
    case 'attempt-finished':
      if (task !== undefined && event.outcome === 'interrupted') task.status = 'pending';
      break;
    case 'task-finished':
      if (task !== undefined) task.status = event.status;
      break;
    case 'task-blocked':
      if (task !== undefined) task.status = 'blocked';
      break;
    case 'run-finished':
      model.ended = true;
      break;
  }
  return model;
}
