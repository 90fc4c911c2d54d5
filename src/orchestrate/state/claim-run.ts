import { UsageError } from '../../errors.js';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import { isProcessAlive, processStartMarker } from '../process/process-identity.js';

/** How many pipeline runs (with their logs) are kept. */
const KEPT_RUNS = 20;

export interface ClaimedRun {
  runId: number;
  resumed: boolean;
  /** A resumed run whose config changed since it started. */
  configChanged: boolean;
  /** Runs dropped to keep the last KEPT_RUNS: their log folders go too. */
  pruned: number[];
  /** Resumed: attempts that were running when the run died; their processes may still run. */
  lostAttempts: Array<{ task: string; attempt: number; pid: number; pidStarted: string | null }>;
}

interface RunRow {
  id: number;
  status: string;
  pid: number;
  pid_started: string | null;
  started_at: string;
  config_hash: string;
}

/**
 * Starts a run, or takes over one to resume, holding the registry's run lock: a run with
 * status `running` whose orch-guard process is alive. A second `orch-guard run` refuses,
 * naming that run; a `running` row whose process is gone (kill -9, a crash) is a stale lock,
 * marked `crashed` and taken over. One IMMEDIATE transaction, so two starts cannot both win.
 */
export function claimRun(registry: RegistryDatabase, request: { resume?: number | 'latest'; configHash: string; options: unknown }): ClaimedRun {
  const now = new Date().toISOString();
  const pid = process.pid;
  const pidStarted = processStartMarker(pid) ?? null;
  const claim = registry.transaction((): ClaimedRun => {
    const running = registry.prepare("SELECT * FROM pipeline_runs WHERE status = 'running'").all() as RunRow[];
    for (const run of running) {
      if (isProcessAlive(run.pid, run.pid_started)) {
        throw new UsageError(`run #${run.id} is in progress on this registry (orch-guard pid ${run.pid}, started ${run.started_at}): wait for it to end, or stop it; \`orch-guard status ${run.id}\` shows its progress`);
      }
      registry.prepare("UPDATE pipeline_runs SET status = 'crashed' WHERE id = ?").run(run.id);
    }
    if (request.resume === undefined) {
      const inserted = registry.prepare(`INSERT INTO pipeline_runs (status, pid, pid_started, config_hash, options, started_at) VALUES ('running', ?, ?, ?, ?, ?)`)
        .run(pid, pidStarted, request.configHash, JSON.stringify(request.options), now);
      const pruned = (registry.prepare('SELECT id FROM pipeline_runs WHERE id <= (SELECT id FROM pipeline_runs ORDER BY id DESC LIMIT 1 OFFSET ?)').all(KEPT_RUNS) as Array<{ id: number }>)
        .map((row) => row.id);
      registry.prepare('DELETE FROM pipeline_runs WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(pruned));
      return { runId: Number(inserted.lastInsertRowid), resumed: false, configChanged: false, pruned, lostAttempts: [] };
    }
    const target = (request.resume === 'latest'
      ? registry.prepare('SELECT * FROM pipeline_runs ORDER BY id DESC LIMIT 1').get()
      : registry.prepare('SELECT * FROM pipeline_runs WHERE id = ?').get(request.resume)) as RunRow | undefined;
    if (target === undefined) {
      throw new UsageError(request.resume === 'latest' ? '--resume: there is no run to resume on this registry' : `--resume ${request.resume}: no such run (\`orch-guard status\` lists the latest)`);
    }
    if (target.status === 'passed') throw new UsageError(`--resume: run #${target.id} passed: there is nothing to resume`);
    const lostAttempts = (registry.prepare(`SELECT task_id AS task, attempt, pid, pid_started AS pidStarted FROM pipeline_attempts
      WHERE run_id = ? AND finished_at IS NULL AND pid IS NOT NULL`).all(target.id)) as ClaimedRun['lostAttempts'];
    registry.prepare(`UPDATE pipeline_attempts SET finished_at = ?, outcome = 'lost', reason = 'orch-guard stopped while it ran' WHERE run_id = ? AND finished_at IS NULL`)
      .run(now, target.id);
    registry.prepare(`UPDATE pipeline_runs SET status = 'running', pid = ?, pid_started = ?, resumed_at = ?, finished_at = NULL, exit_code = NULL WHERE id = ?`)
      .run(pid, pidStarted, now, target.id);
    return { runId: target.id, resumed: true, configChanged: target.config_hash !== request.configHash, pruned: [], lostAttempts };
  });
  return claim.immediate();
}
