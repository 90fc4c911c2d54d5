import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { readPipelineHistory } from '../registry/pipeline-metrics-store.js';
import { collectMetrics, type PipelineMetrics } from './metrics/collect-metrics.js';
import { DEFAULT_KEPT_RUNS } from './load-plan.js';

/** `orch-guard metrics`: what the gates caught and how the runs went, over the runs the registry keeps. */
export async function readPipelineMetrics(options: { root: string; configFile?: string }): Promise<{ metrics: PipelineMetrics; notices: string[]; exitCode: 0 }> {
  const root = path.resolve(options.root);
  const { config } = await loadConfig(root, options.configFile);
  const notices: string[] = [];
  const history = await withRegistry(registryPath(root, config.registry), notices, async (registry) => readPipelineHistory(registry));
  if (history.runs.length === 0) notices.push('no pipeline run is recorded yet: `orch-guard run` records them');
  return { metrics: collectMetrics(history, config.pipeline?.keepRuns ?? DEFAULT_KEPT_RUNS), notices, exitCode: 0 };
}
