import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { isDirectory } from '../files/fs-checks.js';
import { loadProject, type Project } from '../project/load-project.js';
import { recoverInterruptedCleanups } from './with-registry.js';

// Its own module, apart from with-analysis.ts: queries load the project without loading the
// analysis (the indexer, the linker, every rule) when the stored graph answers them.

/** The project, loaded after rolling back any cleanup a kill interrupted (see recoverInterruptedCleanups). */
export async function loadRecoveredProject(options: Parameters<typeof loadProject>[0]): Promise<Project> {
  const root = path.resolve(options.root);
  if (!isDirectory(root)) return loadProject(options);
  const loaded = await loadConfig(root, options.configFile);
  recoverInterruptedCleanups(root, loaded.config.registry, options.notices);
  return loadProject({ ...options, loaded });
}
