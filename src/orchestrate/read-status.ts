import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { withRegistryToRead } from '../analyse/with-registry-to-read.js';
import { readRunWriters, readTaskChanges } from '../registry/pipeline-blame-store.js';
import { writersOf } from './blame-findings.js';
import { type RunRecord, readRun } from './state/read-run.js';
import type { FixBrief } from './view/format-fix-brief.js';

/** Exit 0 for a run that passed or is still going, 1 for one that failed, was blocked, interrupted or crashed. */
const statusExitCode = (run: RunRecord): 0 | 1 => (run.status === 'passed' || run.status === 'running' ? 0 : 1);

/** `orch-guard status [<run-id>] [--task <id>]`: a run as the registry holds it (the latest by default), or one task's fix brief. */
export async function readPipelineStatus(options: { root: string; configFile?: string; runId?: number; task?: string }): Promise<{ root: string; run: RunRecord; brief?: FixBrief; notices: string[]; exitCode: 0 | 1 }> {
  const root = path.resolve(options.root);
  const { config } = await loadConfig(root, options.configFile);
  const notices: string[] = [];
  const { run, brief } = await withRegistryToRead(root, config.registry, notices, async (registry) => {
    const found = readRun(registry, options.runId);
    if (found === undefined || options.task === undefined) return { run: found, brief: undefined };
    const task = found.tasks.find((entry) => entry.id === options.task);
    if (task === undefined) throw new UsageError(`--task ${options.task}: run #${found.id} has no such task (tasks: ${found.tasks.map((entry) => entry.id).join(', ')})`);
    // Tasks running at once all see each other's writes: keep the files this task is taken to have written.
    const writes = { tasks: config.pipeline?.tasks ?? [], components: config.components ?? {}, writers: readRunWriters(registry, found.id) };
    const changes = readTaskChanges(registry, found.id, task.id).filter((change) => writersOf(change.path, writes).includes(task.id));
    const lastAttempt = changes.reduce((latest, change) => Math.max(latest, change.attempt), 0);
    const dependants = dependantsOf(task.id, config.pipeline?.tasks ?? []);
    const brief: FixBrief = {
      version: 1,
      run: found.id,
      task: task.id,
      status: task.status,
      reason: task.reason,
      component: config.pipeline?.tasks.find((entry) => entry.id === task.id)?.component ?? null,
      attempts: task.attempts,
      logFile: task.logFile,
      changedFiles: changes.filter((change) => change.attempt === lastAttempt).map(({ path: file, before, after }) => ({ path: file, change: before === null ? 'created' : after === null ? 'deleted' : 'modified' })),
      findings: task.findings,
      blocks: dependants,
      rerun: `orch-guard run --only ${task.id}`,
    };
    return { run: found, brief };
  });
  if (run === undefined) {
    throw new UsageError(options.runId === undefined ? 'no pipeline run is recorded yet: start one with `orch-guard run`' : `status ${options.runId}: no such run`);
  }
  return { root, run, ...(brief !== undefined ? { brief } : {}), notices, exitCode: statusExitCode(run) };
}

/** The tasks that wait for this one, directly or not: what fixing it unblocks. */
function dependantsOf(id: string, tasks: ReadonlyArray<{ id: string; dependsOn?: string[] }>): string[] {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const task of tasks) {
      if (found.has(task.id) || !(task.dependsOn ?? []).some((dependency) => dependency === id || found.has(dependency))) continue;
      found.add(task.id);
      grew = true;
    }
  }
  return tasks.map((task) => task.id).filter((task) => found.has(task));
}
