import { UsageError } from '../../errors.js';
import type { RegistryDatabase } from '../../registry/open-registry.js';
import {
  findPipelineRun, insertPipelineRun, markPipelineRunCrashed, resumePipelineRun, runningPipelineRuns,
} from '../../registry/pipeline-store.js';
import { writeTransaction } from '../../registry/write-transaction.js';
import { isProcessAlive, processStartMarker } from '../../process/process-identity.js';

export interface ClaimedRun {
  runId: number;
  resumed: boolean;
  /** A resumed run whose config changed since it started. */
  configChanged: boolean;
  /** Runs dropped to keep the last `keepRuns`: their log folders go too. */
  pruned: number[];
  /** Resumed: attempts that were running when the run died; their processes may still run. */
  lostAttempts: Array<{ task: string; attempt: number; pid: number; pidStarted: string | null }>;
  /** Runs whose orch-guard process died (kill -9, a crash) without ending them: their tasks' processes may still run. */
  crashedRunners: Array<{ runId: number; pid: number; pidStarted: string | null }>;
}

/**
 * Starts a run, or takes over one to resume, holding the registry's run lock: a run with
 * status `running` whose orch-guard process is alive. A second `orch-guard run` refuses,
 * naming that run; a `running` row whose process is gone (kill -9, a crash) is a stale lock,
 * marked `crashed` and taken over. One IMMEDIATE transaction, so two starts cannot both win.
 */
export function claimRun(registry: RegistryDatabase, request: { resume?: number | 'latest'; configHash: string; options: unknown; keepRuns: number; resumePassed?: boolean }): ClaimedRun {
  const now = new Date().toISOString();
  const pid = process.pid;
  const pidStarted = processStartMarker(pid) ?? null;
  return writeTransaction(registry, (): ClaimedRun => {
    const crashedRunners: ClaimedRun['crashedRunners'] = [];
    for (const run of runningPipelineRuns(registry)) {
      if (isProcessAlive(run.pid, run.pid_started)) {
        throw new UsageError(`run #${run.id} is in progress on this registry (orch-guard pid ${run.pid}, started ${run.started_at}): wait for it to end, or stop it; \`orch-guard status ${run.id}\` shows its progress`);
      }
      markPipelineRunCrashed(registry, run.id);
      crashedRunners.push({ runId: run.id, pid: run.pid, pidStarted: run.pid_started });
    }
    if (request.resume === undefined) {
      const { id, pruned } = insertPipelineRun(registry, { pid, pidStarted, configHash: request.configHash, options: request.options, startedAt: now }, request.keepRuns);
      return { runId: id, resumed: false, configChanged: false, pruned, lostAttempts: [], crashedRunners };
    }
    const target = findPipelineRun(registry, request.resume);
    if (target === undefined) {
      throw new UsageError(request.resume === 'latest' ? '--resume: there is no run to resume on this registry' : `--resume ${request.resume}: no such run (\`orch-guard status\` lists the latest)`);
    }
    if (target.status === 'passed' && request.resumePassed !== true) throw new UsageError(`--resume: run #${target.id} passed: there is nothing to resume`);
    const lostAttempts = resumePipelineRun(registry, target.id, { pid, pidStarted, at: now });
    return { runId: target.id, resumed: true, configChanged: target.config_hash !== request.configHash, pruned: [], lostAttempts, crashedRunners };
  });
}
