import type { GraphFile } from '../graph/symbol-graph.js';
import type { DependencyProblem } from '../rule-engine/analysis-context.js';
import { isUnusedDependency } from '../rule-engine/dependency-problems.js';

/**
 * Tool configs written in TypeScript that their tool loads through ts-node (Jest's
 * `jest.config.ts`; webpack-cli's, Gulp's and Knex's through `interpret`): the project lists
 * ts-node for them, and nothing imports or runs it by name.
 */
const TYPESCRIPT_CONFIG = /(?:^|\/)(?:jest\.config(?:\.[\w-]+)?|webpack\.config(?:\.[\w-]+)?|gulpfile|knexfile)\.[cm]?ts$/;
const LOADERS = new Set(['ts-node']);

/** knip's unused dependencies, less ts-node in a workspace with such a config. */
export function dropTypeScriptConfigLoaders(problems: DependencyProblem[], files: readonly GraphFile[]): DependencyProblem[] {
  if (!problems.some((problem) => isUnusedDependency(problem) && LOADERS.has(problem.name))) return problems;
  const configs = files.filter((file) => TYPESCRIPT_CONFIG.test(file.path)).map((file) => file.path);
  if (configs.length === 0) return problems;
  const inWorkspace = (workspace: string) => configs.some((file) => workspace === '' || file.startsWith(`${workspace}/`));
  return problems.filter((problem) => !isUnusedDependency(problem) || !LOADERS.has(problem.name) || !inWorkspace(problem.workspace));
}
