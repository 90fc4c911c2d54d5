import { findBaseline } from '../baseline/baseline-file.js';
import type { Project } from '../project/load-project.js';
import type { RegistryDatabase } from '../registry/open-registry.js';
import { type Analysis, analyse } from './analyse.js';
import { loadRecoveredProject } from './load-recovered-project.js';
import { registryPath, withRegistry } from './with-registry.js';

export interface AnalysisRequest {
  root: string;
  configFile?: string;
  production?: boolean;
  /** A baseline file, or false for none; by default orch-guard-baseline.json when present. */
  baseline?: string | false;
  notices: string[];
}

/** Loads the project, analyses it (cached facts make this cheap) and hands over the result. */
export async function withAnalysis<T>(request: AnalysisRequest, work: (analysis: Analysis, registry: RegistryDatabase) => Promise<T> | T): Promise<T> {
  const production = request.production === true;
  const project = await loadRecoveredProject({ ...request, production });
  const { config } = project.loaded;
  const baseline = findBaseline(project.root, request.baseline);
  return withRegistry(registryPath(project.root, config.registry), request.notices, async (registry) => {
    const analysis = await analyse(project, registry, {
      production,
      includeEntryExports: config.includeEntryExports ?? false,
      useCache: true,
      notices: request.notices,
      ...(baseline !== undefined ? { baseline } : {}),
    });
    return work(analysis, registry);
  });
}
