import type { Statement } from 'better-sqlite3';
import type { RegistryDatabase } from './open-registry.js';

// The durable state of `orch-guard run` (tables pipeline_runs, pipeline_tasks, pipeline_attempts,
// pipeline_gates). The orchestrator decides; these functions only read and write rows.

export interface PipelineRunRow {
  id: number;
  status: string;
  pid: number;
  pid_started: string | null;
  config_hash: string;
  started_at: string;
  resumed_at: string | null;
  finished_at: string | null;
  exit_code: number | null;
}

export interface PipelineTaskRow {
  task_id: string;
  wave: number;
  status: string;
  reason: string | null;
  attempts: number;
  exit_code: number | null;
  duration_ms: number | null;
}

export interface PipelineGateRow {
  id: number;
  phase: string;
  wave: number | null;
  tasks: string;
  verdict: string;
  detail: string;
  created_at: string;
}

const statements = new WeakMap<RegistryDatabase, Map<string, Statement>>();

/** A prepared statement, prepared once per registry connection: a run records hundreds of events. */
function statement(registry: RegistryDatabase, sql: string): Statement {
  let cache = statements.get(registry);
  if (cache === undefined) statements.set(registry, (cache = new Map()));
  let prepared = cache.get(sql);
  if (prepared === undefined) cache.set(sql, (prepared = registry.prepare(sql)));
  return prepared;
}

export function runningPipelineRuns(registry: RegistryDatabase): PipelineRunRow[] {
  return registry.prepare("SELECT * FROM pipeline_runs WHERE status = 'running'").all() as PipelineRunRow[];
}

/** A run by id, or the latest. */
export function findPipelineRun(registry: RegistryDatabase, id: number | 'latest'): PipelineRunRow | undefined {
  return (id === 'latest'
    ? registry.prepare('SELECT * FROM pipeline_runs ORDER BY id DESC LIMIT 1').get()
    : registry.prepare('SELECT * FROM pipeline_runs WHERE id = ?').get(id)) as PipelineRunRow | undefined;
}

export function markPipelineRunCrashed(registry: RegistryDatabase, id: number): void {
  registry.prepare("UPDATE pipeline_runs SET status = 'crashed' WHERE id = ?").run(id);
}

/** Inserts a running run and drops the runs beyond the newest `kept`; returns its id and the dropped ids. */
export function insertPipelineRun(
  registry: RegistryDatabase,
  run: { pid: number; pidStarted: string | null; configHash: string; options: unknown; startedAt: string },
  kept: number,
): { id: number; pruned: number[] } {
  const inserted = registry.prepare(`INSERT INTO pipeline_runs (status, pid, pid_started, config_hash, options, started_at) VALUES ('running', ?, ?, ?, ?, ?)`)
    .run(run.pid, run.pidStarted, run.configHash, JSON.stringify(run.options), run.startedAt);
  const pruned = registry.prepare('SELECT id FROM pipeline_runs WHERE id <= (SELECT id FROM pipeline_runs ORDER BY id DESC LIMIT 1 OFFSET ?)').pluck().all(kept) as number[];
  registry.prepare('DELETE FROM pipeline_runs WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(pruned));
  return { id: Number(inserted.lastInsertRowid), pruned };
}

/**
 * Takes over a run to resume it: its unfinished attempts are marked lost (returned, with the
 * process they ran in) and the run is running again under this process.
 */
export function resumePipelineRun(
  registry: RegistryDatabase,
  id: number,
  by: { pid: number; pidStarted: string | null; at: string },
): Array<{ task: string; attempt: number; pid: number; pidStarted: string | null }> {
  const lost = registry.prepare(`SELECT task_id AS task, attempt, pid, pid_started AS pidStarted FROM pipeline_attempts
    WHERE run_id = ? AND finished_at IS NULL AND pid IS NOT NULL`).all(id) as Array<{ task: string; attempt: number; pid: number; pidStarted: string | null }>;
  registry.prepare(`UPDATE pipeline_attempts SET finished_at = ?, outcome = 'lost', reason = 'orch-guard stopped while it ran' WHERE run_id = ? AND finished_at IS NULL`)
    .run(by.at, id);
  registry.prepare(`UPDATE pipeline_runs SET status = 'running', pid = ?, pid_started = ?, resumed_at = ?, finished_at = NULL, exit_code = NULL WHERE id = ?`)
    .run(by.pid, by.pidStarted, by.at, id);
  return lost;
}

export function pipelineGates(registry: RegistryDatabase, runId: number): PipelineGateRow[] {
  return registry.prepare('SELECT * FROM pipeline_gates WHERE run_id = ? ORDER BY id').all(runId) as PipelineGateRow[];
}

export function pipelineTasks(registry: RegistryDatabase, runId: number): PipelineTaskRow[] {
  return registry.prepare('SELECT * FROM pipeline_tasks WHERE run_id = ? ORDER BY wave, position').all(runId) as PipelineTaskRow[];
}

/** The log file of each task's last attempt. */
export function lastAttemptLogs(registry: RegistryDatabase, runId: number): Map<string, string> {
  const rows = registry.prepare(`SELECT task_id, log_file FROM pipeline_attempts a WHERE run_id = ?
    AND attempt = (SELECT max(attempt) FROM pipeline_attempts b WHERE b.run_id = a.run_id AND b.task_id = a.task_id)`).all(runId) as Array<{ task_id: string; log_file: string }>;
  return new Map(rows.map((row) => [row.task_id, row.log_file]));
}

/** The run's tasks as planned; on a resumed run, every task not kept (passed before) is pending again. */
export function planPipelineTasks(registry: RegistryDatabase, runId: number, tasks: ReadonlyArray<{ id: string; wave: number }>, kept: readonly string[]): void {
  registry.transaction(() => {
    const ids = tasks.map((task) => task.id);
    statement(registry, `DELETE FROM pipeline_tasks WHERE run_id = ? AND task_id NOT IN (SELECT value FROM json_each(?))`).run(runId, JSON.stringify(ids));
    const upsert = statement(registry, `INSERT INTO pipeline_tasks (run_id, task_id, position, wave, status, attempts) VALUES (?, ?, ?, ?, 'pending', 0)
      ON CONFLICT (run_id, task_id) DO UPDATE SET position = excluded.position, wave = excluded.wave`);
    tasks.forEach((task, position) => upsert.run(runId, task.id, position, task.wave));
    statement(registry, `UPDATE pipeline_tasks SET status = 'pending', reason = NULL, exit_code = NULL, finished_at = NULL, duration_ms = NULL
      WHERE run_id = ? AND task_id NOT IN (SELECT value FROM json_each(?))`).run(runId, JSON.stringify(kept));
  }).immediate();
}

export function insertPipelineGate(
  registry: RegistryDatabase,
  runId: number,
  gate: { phase: string; wave?: number; tasks: readonly string[]; verdict: string; detail: readonly string[]; time: string },
): number {
  const inserted = statement(registry, 'INSERT INTO pipeline_gates (run_id, phase, wave, tasks, verdict, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(runId, gate.phase, gate.wave ?? null, JSON.stringify(gate.tasks), gate.verdict, JSON.stringify(gate.detail), gate.time);
  return Number(inserted.lastInsertRowid);
}

export function startPipelineAttempt(
  registry: RegistryDatabase,
  runId: number,
  attempt: { task: string; attempt: number; pid: number; pidStarted?: string; logFile: string; time: string },
): void {
  statement(registry, `INSERT OR REPLACE INTO pipeline_attempts (run_id, task_id, attempt, pid, pid_started, log_file, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(runId, attempt.task, attempt.attempt, attempt.pid, attempt.pidStarted ?? null, attempt.logFile, attempt.time);
  statement(registry, `UPDATE pipeline_tasks SET status = 'running', attempts = ?, started_at = coalesce(started_at, ?) WHERE run_id = ? AND task_id = ?`)
    .run(attempt.attempt, attempt.time, runId, attempt.task);
}

/** An attempt's end; an interrupted attempt's task is pending again (it runs again when the run is resumed). */
export function finishPipelineAttempt(
  registry: RegistryDatabase,
  runId: number,
  attempt: { task: string; attempt: number; outcome: string; exitCode: number | null; signal: string | null; durationMs: number; reason?: string; time: string },
): void {
  statement(registry, `UPDATE pipeline_attempts SET finished_at = ?, outcome = ?, exit_code = ?, signal = ?, duration_ms = ?, reason = ?
    WHERE run_id = ? AND task_id = ? AND attempt = ?`)
    .run(attempt.time, attempt.outcome, attempt.exitCode, attempt.signal, attempt.durationMs, attempt.reason ?? null, runId, attempt.task, attempt.attempt);
  if (attempt.outcome === 'interrupted') statement(registry, `UPDATE pipeline_tasks SET status = 'pending' WHERE run_id = ? AND task_id = ?`).run(runId, attempt.task);
}

export function finishPipelineTask(
  registry: RegistryDatabase,
  runId: number,
  task: { task: string; status: string; reason?: string; attempts: number; exitCode: number | null; durationMs: number | null; time: string },
): void {
  statement(registry, `UPDATE pipeline_tasks SET status = ?, reason = ?, attempts = ?, exit_code = ?, finished_at = ?, duration_ms = ? WHERE run_id = ? AND task_id = ?`)
    .run(task.status, task.reason ?? null, task.attempts, task.exitCode, task.time, task.durationMs, runId, task.task);
}

export function finishPipelineRun(registry: RegistryDatabase, runId: number, run: { status: string; exitCode: number; time: string }): void {
  statement(registry, 'UPDATE pipeline_runs SET status = ?, finished_at = ?, exit_code = ? WHERE id = ?').run(run.status, run.time, run.exitCode, runId);
}
