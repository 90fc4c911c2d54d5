import type { Finding } from '../analysis/finding.js';
import { analyse } from '../pipeline/analyse.js';
import { registryPath, withRegistry } from '../pipeline/with-registry.js';
import { loadProject } from '../project/load-project.js';
import { storeSymbolGraph } from '../registry/graph-store.js';
import { finishRun, startRun } from '../registry/runs-store.js';

export interface ValidateOptions {
  root: string;
  configFile?: string;
  entryGlobs?: string[];
  projectGlobs?: string[];
  production: boolean;
  includeEntryExports?: boolean;
  useCache: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface ValidateResult {
  root: string;
  findings: Finding[];
  notices: string[];
  fileCount: number;
  parsedCount: number;
  exitCode: 0 | 1;
}

/** `orch-guard validate`: analyse the project, record the run, and judge it. */
export async function runValidate(options: ValidateOptions): Promise<ValidateResult> {
  const notices: string[] = [];
  const project = await loadProject({ ...options, notices });
  const { config } = project.loaded;
  const includeEntryExports = options.includeEntryExports ?? config.includeEntryExports ?? false;
  return withRegistry(registryPath(project.root, config.registry), notices, async (registry) => {
    const runId = startRun(registry, 'validate', { production: options.production, includeEntryExports });
    const analysis = await analyse(project, registry, {
      production: options.production,
      includeEntryExports,
      useCache: options.useCache,
      notices,
      onProgress: options.onProgress,
    });
    storeSymbolGraph(registry, analysis.context.graph);
    const exitCode = analysis.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
    finishRun(registry, runId, { fileCount: project.files.length, parsedCount: analysis.parsedCount, exitCode, findings: analysis.findings });
    return { root: project.root, findings: analysis.findings, notices, fileCount: project.files.length, parsedCount: analysis.parsedCount, exitCode };
  });
}
