import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { type RunRecord, readRun } from './state/read-run.js';

/** `orch-guard status [<run-id>]`: a run as the registry holds it (the latest by default). */
export async function readPipelineStatus(options: { root: string; configFile?: string; runId?: number }): Promise<{ root: string; run: RunRecord; notices: string[]; exitCode: 0 }> {
  const root = path.resolve(options.root);
  const { config } = await loadConfig(root, options.configFile);
  const notices: string[] = [];
  const run = await withRegistry(registryPath(root, config.registry), notices, async (registry) => readRun(registry, options.runId));
  if (run === undefined) {
    throw new UsageError(options.runId === undefined ? 'no pipeline run is recorded yet: start one with `orch-guard run`' : `status ${options.runId}: no such run`);
  }
  return { root, run, notices, exitCode: 0 };
}
