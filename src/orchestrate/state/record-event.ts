import type { Statement } from 'better-sqlite3';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import type { RecordedEvent } from '../run-events.js';

const statements = new WeakMap<RegistryDatabase, Map<string, Statement>>();

/** A prepared statement, prepared once per registry connection: a run records hundreds of events. */
function statement(registry: RegistryDatabase, sql: string): Statement {
  let cache = statements.get(registry);
  if (cache === undefined) statements.set(registry, (cache = new Map()));
  let prepared = cache.get(sql);
  if (prepared === undefined) cache.set(sql, (prepared = registry.prepare(sql)));
  return prepared;
}

/** Applies one event to the pipeline tables: the registry holds the run's state as of its last event. */
export function recordEvent(registry: RegistryDatabase, runId: number, event: RecordedEvent): void {
  switch (event.type) {
    case 'run-started': {
      const write = registry.transaction(() => {
        const ids = event.tasks.map((task) => task.id);
        statement(registry, `DELETE FROM pipeline_tasks WHERE run_id = ? AND task_id NOT IN (SELECT value FROM json_each(?))`).run(runId, JSON.stringify(ids));
        const upsert = statement(registry, `INSERT INTO pipeline_tasks (run_id, task_id, position, wave, status, attempts) VALUES (?, ?, ?, ?, 'pending', 0)
          ON CONFLICT (run_id, task_id) DO UPDATE SET position = excluded.position, wave = excluded.wave`);
        event.tasks.forEach((task, position) => upsert.run(runId, task.id, position, task.wave));
        // Resumed: everything but the kept (passed) tasks starts again.
        statement(registry, `UPDATE pipeline_tasks SET status = 'pending', reason = NULL, exit_code = NULL, finished_at = NULL, duration_ms = NULL
          WHERE run_id = ? AND task_id NOT IN (SELECT value FROM json_each(?))`).run(runId, JSON.stringify(event.kept));
      });
      write.immediate();
      return;
    }
    case 'gate':
      statement(registry, 'INSERT INTO pipeline_gates (run_id, phase, wave, tasks, verdict, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(runId, event.phase, event.wave ?? null, JSON.stringify(event.tasks), event.verdict, JSON.stringify(event.detail), event.time);
      return;
    case 'attempt-started':
      statement(registry, `INSERT OR REPLACE INTO pipeline_attempts (run_id, task_id, attempt, pid, pid_started, log_file, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(runId, event.task, event.attempt, event.pid, event.pidStarted ?? null, event.logFile, event.time);
      statement(registry, `UPDATE pipeline_tasks SET status = 'running', attempts = ?, started_at = coalesce(started_at, ?) WHERE run_id = ? AND task_id = ?`)
        .run(event.attempt, event.time, runId, event.task);
      return;
    case 'attempt-finished':
      statement(registry, `UPDATE pipeline_attempts SET finished_at = ?, outcome = ?, exit_code = ?, signal = ?, duration_ms = ?, reason = ?
        WHERE run_id = ? AND task_id = ? AND attempt = ?`)
        .run(event.time, event.outcome, event.exitCode, event.signal, event.durationMs, event.reason ?? null, runId, event.task, event.attempt);
      // An interrupted task runs again when the run is resumed.
      if (event.outcome === 'interrupted') statement(registry, `UPDATE pipeline_tasks SET status = 'pending' WHERE run_id = ? AND task_id = ?`).run(runId, event.task);
      return;
    case 'task-finished':
      statement(registry, `UPDATE pipeline_tasks SET status = ?, reason = ?, attempts = ?, exit_code = ?, finished_at = ?, duration_ms = ? WHERE run_id = ? AND task_id = ?`)
        .run(event.status, event.reason ?? null, event.attempts, event.exitCode, event.time, event.durationMs, runId, event.task);
      return;
    case 'run-finished':
      statement(registry, 'UPDATE pipeline_runs SET status = ?, finished_at = ?, exit_code = ? WHERE id = ?').run(event.status, event.time, event.exitCode, runId);
      return;
    case 'wave-started':
    case 'retry-scheduled':
      return;
  }
}
