import type { TaskStatus } from '../../config/pipeline-schema.js';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import { findPipelineRun, lastAttemptLogs, pipelineGates, pipelineTasks } from '../../registry/pipeline-store.js';
import { isProcessAlive } from '../../process/process-identity.js';
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
  const run = findPipelineRun(registry, runId ?? 'latest');
  if (run === undefined) return undefined;
  const gates = pipelineGates(registry, run.id).map((row): GateRecord => ({
    phase: row.phase as RunGatePhase,
    wave: row.wave,
    tasks: JSON.parse(row.tasks) as string[],
    verdict: row.verdict as Verdict,
    detail: JSON.parse(row.detail) as string[],
    createdAt: row.created_at,
  }));
  const logs = lastAttemptLogs(registry, run.id);
  const tasks = pipelineTasks(registry, run.id).map((row): TaskRecord => ({
    id: row.task_id,
    wave: row.wave,
    status: row.status as TaskStatus,
    reason: row.reason,
    attempts: row.attempts,
    exitCode: row.exit_code,
    durationMs: row.duration_ms,
    logFile: logs.get(row.task_id) ?? null,
    gates: gatesOfTask(gates, row.task_id, row.wave),
  }));
  const status = run.status as RunStatus;
  return {
    id: run.id,
    // A run is `running` only while its process lives; otherwise it crashed without a word.
    status: status === 'running' && !isProcessAlive(run.pid, run.pid_started) ? 'crashed' : status,
    pid: run.pid,
    startedAt: run.started_at,
    resumedAt: run.resumed_at,
    finishedAt: run.finished_at,
    exitCode: run.exit_code,
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
