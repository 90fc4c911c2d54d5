import type { RegistryDatabase } from './open-registry.js';

/** The rows `orch-guard metrics` aggregates, over every pipeline run the registry keeps. */
export interface PipelineHistory {
  runs: Array<{ id: number; status: string; startedAt: string; finishedAt: string | null; exitCode: number | null }>;
  tasks: Array<{ runId: number; task: string; wave: number; status: string; attempts: number; durationMs: number | null; startedAt: string | null; finishedAt: string | null }>;
  /** Attempts that timed out (a task retried after a timeout may have passed in the end). */
  timeouts: Array<{ runId: number; task: string }>;
  gates: Array<{ id: number; runId: number; phase: string; wave: number | null; verdict: string; durationMs: number | null }>;
  findings: Array<{ runId: number; gateId: number; rule: string; severity: string; state: string; task: string | null; fingerprint: string }>;
}

export function readPipelineHistory(registry: RegistryDatabase): PipelineHistory {
  return {
    runs: registry.prepare(`SELECT id, status, started_at AS startedAt, finished_at AS finishedAt, exit_code AS exitCode FROM pipeline_runs ORDER BY id`).all() as PipelineHistory['runs'],
    tasks: registry.prepare(`SELECT run_id AS runId, task_id AS task, wave, status, attempts, duration_ms AS durationMs, started_at AS startedAt, finished_at AS finishedAt
      FROM pipeline_tasks ORDER BY run_id, position`).all() as PipelineHistory['tasks'],
    timeouts: registry.prepare(`SELECT run_id AS runId, task_id AS task FROM pipeline_attempts WHERE outcome = 'timed-out' ORDER BY run_id, task_id, attempt`).all() as PipelineHistory['timeouts'],
    gates: registry.prepare(`SELECT id, run_id AS runId, phase, wave, verdict, duration_ms AS durationMs FROM pipeline_gates ORDER BY id`).all() as PipelineHistory['gates'],
    findings: registry.prepare(`SELECT run_id AS runId, gate_id AS gateId, rule, severity, state, task_id AS task, fingerprint FROM pipeline_findings ORDER BY id`).all() as PipelineHistory['findings'],
  };
}
