import type { TaskStatus } from '../../config/pipeline-schema.js';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import { findPipelineRun, lastAttemptLogs, pipelineGates, pipelineTasks } from '../../registry/pipeline-store.js';
import { isProcessAlive } from '../../process/process-identity.js';
import { readGateFindings } from '../../registry/pipeline-blame-store.js';
import type { RunFinding } from '../run-finding.js';
import type { RunGatePhase, RunStatus, Verdict } from '../run-events.js';

export interface GateRecord {
  id: number;
  phase: RunGatePhase;
  wave: number | null;
  /** The tasks judged (build, produces) or blamed (a blocked wave gate). */
  tasks: string[];
  verdict: Verdict;
  detail: string[];
  /** The findings as objects, each with the task it is blamed on. */
  findings: RunFinding[];
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
  /** The findings blamed on it by the latest gates (those blocking it, and warnings). */
  findings: RunFinding[];
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
  const findings = readGateFindings(registry, run.id);
  const gates = currentGates(pipelineGates(registry, run.id).map((row): GateRecord => ({
    id: row.id,
    phase: row.phase as RunGatePhase,
    wave: row.wave,
    tasks: JSON.parse(row.tasks) as string[],
    verdict: row.verdict as Verdict,
    detail: JSON.parse(row.detail) as string[],
    findings: findings.get(row.id) ?? [],
    createdAt: row.created_at,
  })));
  const status = run.status as RunStatus;
  // A run is `running` only while its process lives; otherwise it crashed without a word.
  const runStatus = status === 'running' && !isProcessAlive(run.pid, run.pid_started) ? 'crashed' : status;
  const logs = lastAttemptLogs(registry, run.id);
  const tasks = pipelineTasks(registry, run.id).map((row): TaskRecord => ({
    id: row.task_id,
    wave: row.wave,
    // A task left `running` by a run that is over was cut off: it runs again on resume.
    status: row.status === 'running' && runStatus !== 'running' ? 'interrupted' : row.status as TaskStatus,
    reason: row.reason,
    attempts: row.attempts,
    exitCode: row.exit_code,
    durationMs: row.duration_ms,
    logFile: logs.get(row.task_id) ?? null,
    gates: gatesOfTask(gates, row.task_id, row.wave),
    findings: gates.flatMap((gate) => gate.findings.filter((finding) => finding.task === row.task_id && finding.state !== 'pending')),
  }));
  return {
    id: run.id,
    status: runStatus,
    pid: run.pid,
    startedAt: run.started_at,
    resumedAt: run.resumed_at,
    finishedAt: run.finished_at,
    exitCode: run.exit_code,
    tasks,
    gates,
  };
}

/**
 * The gates as they stand: a run resumed judges gates again, and a gate of an earlier session
 * (each starts with the plan gate) that a later session ran again is stale, not shown. Within
 * one session every gate counts (validate, then after --fix validate again).
 */
function currentGates(gates: readonly GateRecord[]): GateRecord[] {
  const key = (gate: GateRecord) => `${gate.phase} ${gate.wave ?? ''} ${gate.phase === 'build' || gate.phase === 'produces' ? gate.tasks.join(',') : ''}`;
  const sessions: GateRecord[][] = [];
  for (const gate of gates) {
    if (gate.phase === 'plan' || sessions.length === 0) sessions.push([]);
    sessions[sessions.length - 1].push(gate);
  }
  return sessions.flatMap((session, index) => {
    const later = new Set(sessions.slice(index + 1).flat().map(key));
    return session.filter((gate) => !later.has(key(gate)));
  });
}

function gatesOfTask(gates: readonly GateRecord[], task: string, wave: number): TaskRecord['gates'] {
  const verdicts: TaskRecord['gates'] = {};
  for (const gate of gates) {
    if ((gate.phase === 'build' || gate.phase === 'produces') && gate.tasks.includes(task)) verdicts[gate.phase] = gate.verdict;
    if (gate.phase === 'wave' && gate.wave === wave) verdicts.wave = gate.verdict === 'blocked' && gate.tasks.includes(task) ? 'blocked' : 'pass';
  }
  return verdicts;
}
