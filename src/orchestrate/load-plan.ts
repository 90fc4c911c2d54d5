import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ComponentConfig } from '../config/config-schema.js';
import { parseRequirement } from '../config/requirement.js';
import { loadConfig } from '../config/load-config.js';
import type { TaskConfig } from '../config/pipeline-schema.js';
import { ConfigError, UsageError } from '../errors.js';
import { isDirectory } from '../files/fs-checks.js';
import { planWaves, type TaskGraphPlan } from './plan-waves.js';

const DEFAULT_GRACE_PERIOD_MS = 5000;
export const DEFAULT_KEPT_RUNS = 200;

/** A sync point: once every task in `after` has finished, a validation gate judges the work so far. */
export interface SyncPoint {
  number: number;
  after: ReadonlySet<string>;
}

/** What `orch-guard run` will run: the tasks of orch.config.ts and their waves. */
export interface PipelinePlan {
  root: string;
  configFile: string | undefined;
  /** Identifies the config's content: a resumed run notes when it changed. */
  configHash: string;
  registry: string | undefined;
  components: Record<string, ComponentConfig>;
  tasks: TaskConfig[];
  byId: ReadonlyMap<string, TaskConfig>;
  graph: TaskGraphPlan;
  maxParallel: number;
  gracePeriodMs: number;
  schedule: 'dependencies' | 'waves';
  /** Where validation gates run besides the end: after tasks with `gate: true`, and after each `syncAfter` list. */
  syncPoints: SyncPoint[];
  /** How many runs the registry keeps (pipeline.keepRuns). */
  keepRuns: number;
}

/** Loads the config's `pipeline` and checks what the schema cannot (the components it names). */
export async function loadPlan(options: { root: string; configFile?: string; maxParallel?: number }): Promise<PipelinePlan> {
  const root = path.resolve(options.root);
  if (!isDirectory(root)) throw new UsageError(`--root ${options.root}: no such directory`);
  const { config, file } = await loadConfig(root, options.configFile);
  const label = file === undefined ? 'config' : path.relative(root, file) || file;
  if (config.pipeline === undefined) {
    throw new UsageError(`${file === undefined ? 'no orch.config.ts found' : `${label} has no \`pipeline\``}: declare the tasks to run as \`pipeline: { tasks: [{ id, run }] }\``);
  }
  const components = config.components ?? {};
  checkComponentNames(config.pipeline.tasks, components, label);
  return {
    root,
    configFile: file,
    configHash: createHash('sha1').update(file === undefined ? '' : readFileSync(file)).digest('hex'),
    registry: config.registry,
    components,
    tasks: config.pipeline.tasks,
    byId: new Map(config.pipeline.tasks.map((task) => [task.id, task])),
    graph: planWaves(config.pipeline.tasks),
    maxParallel: options.maxParallel ?? config.pipeline.maxParallel ?? availableParallelism(),
    gracePeriodMs: config.pipeline.gracePeriod ?? DEFAULT_GRACE_PERIOD_MS,
    keepRuns: config.pipeline.keepRuns ?? DEFAULT_KEPT_RUNS,
    schedule: config.pipeline.schedule ?? 'dependencies',
    syncPoints: [
      ...config.pipeline.tasks.filter((task) => task.gate === true).map((task) => [task.id]),
      ...config.pipeline.syncAfter ?? [],
    ].map((ids, index) => ({ number: index + 1, after: new Set(ids) })),
  };
}

function checkComponentNames(tasks: readonly TaskConfig[], components: Record<string, ComponentConfig>, label: string): void {
  const declared = Object.keys(components);
  const check = (where: string, name: string) => {
    if (!declared.includes(name)) {
      throw new ConfigError(`${label}: ${where}: unknown component "${name}"${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ' (the config declares no components)'}`);
    }
  };
  tasks.forEach((task, index) => {
    if (task.component !== undefined) check(`pipeline.tasks[${index}].component`, task.component);
    (task.produces ?? []).forEach((entry, position) => {
      const component = parseRequirement(entry)?.component;
      if (component !== undefined) check(`pipeline.tasks[${index}].produces[${position}]`, component);
    });
  });
}
