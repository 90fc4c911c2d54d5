import type { TaskStatus } from '../../config/pipeline-schema.js';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import { isProcessAlive } from '../process/process-identity.js';
import type { RunGatePhase, RunStatus, Verdict } from '../run-events.js';

export interface GateRecord {
  phase: RunGatePhase;
  wave: number | null;
  /** The tasks judged (build, produces) or blamed (a blocked wave gate). */
  tasks: string[];
  verdict: Verdict;
  detail: string[];
  createdAt: string;
}

export interface TaskRecord {
  id: string;
  wave: number;
  status: TaskStatus;
  reason: string | null;
  attempts: number;
  exitCode: number | null;
  durationMs: number | null;
  /** The log of the last attempt. */
  logFile: string | null;
  /** The verdicts of the gates that judged this task's work. */
  gates: Partial<Record<'build' | 'produces' | 'wave', Verdict>>;
}

export interface RunRecord {
  id: number;
  status: RunStatus;
  pid: number;
  startedAt: string;
  resumedAt: string | null;
  finishedAt: string | null;
  exitCode: number | null;
  tasks: TaskRecord[];
  gates: GateRecord[];
}

/** A run as the registry holds it (the latest when no id is given); undefined when there is none. */
export function readRun(registry: RegistryDatabase, runId?: number): RunRecord | undefined {
  const run = (runId === undefined
    ? registry.prepare('SELECT * FROM pipeline_runs ORDER BY id DESC LIMIT 1').get()
    : registry.prepare('SELECT * FROM pipeline_runs WHERE id = ?').get(runId)) as Record<string, unknown> | undefined;
  if (run === undefined) return undefined;
  const id = run.id as number;
  const gates = (registry.prepare('SELECT * FROM pipeline_gates WHERE run_id = ? ORDER BY id').all(id) as Array<Record<string, unknown>>).map((row): GateRecord => ({
    phase: row.phase as RunGatePhase,
    wave: row.wave as number | null,
    tasks: JSON.parse(row.tasks as string) as string[],
    verdict: row.verdict as Verdict,
    detail: JSON.parse(row.detail as string) as string[],
    createdAt: row.created_at as string,
  }));
  const logs = new Map((registry.prepare(`SELECT task_id, log_file FROM pipeline_attempts a WHERE run_id = ?
    AND attempt = (SELECT max(attempt) FROM pipeline_attempts b WHERE b.run_id = a.run_id AND b.task_id = a.task_id)`).all(id) as Array<{ task_id: string; log_file: string }>)
    .map((row) => [row.task_id, row.log_file]));
  const tasks = (registry.prepare('SELECT * FROM pipeline_tasks WHERE run_id = ? ORDER BY wave, position').all(id) as Array<Record<string, unknown>>).map((row): TaskRecord => {
    const task = row.task_id as string;
    return {
      id: task,
      wave: row.wave as number,
      status: row.status as TaskStatus,
      reason: row.reason as string | null,
      attempts: row.attempts as number,
      exitCode: row.exit_code as number | null,
      durationMs: row.duration_ms as number | null,
      logFile: logs.get(task) ?? null,
      gates: gatesOfTask(gates, task, row.wave as number),
    };
  });
  const status = run.status as RunStatus;
  return {
    id,
    // A run is `running` only while its process lives; otherwise it crashed without a word.
    status: status === 'running' && !isProcessAlive(run.pid as number, run.pid_started as string | null) ? 'crashed' : status,
    pid: run.pid as number,
    startedAt: run.started_at as string,
    resumedAt: run.resumed_at as string | null,
    finishedAt: run.finished_at as string | null,
    exitCode: run.exit_code as number | null,
    tasks,
    gates,
  };
}

function gatesOfTask(gates: readonly GateRecord[], task: string, wave: number): TaskRecord['gates'] {
  const verdicts: TaskRecord['gates'] = {};
  for (const gate of gates) {
    if ((gate.phase === 'build' || gate.phase === 'produces') && gate.tasks.includes(task)) verdicts[gate.phase] = gate.verdict;
    if (gate.phase === 'wave' && gate.wave === wave) verdicts.wave = gate.verdict === 'blocked' && gate.tasks.includes(task) ? 'blocked' : 'pass';
  }
  return verdicts;
}
