import { parseRequirement } from './requirement.js';
import { array, boolean, func, type Infer, number, object, oneOf, optional, record, refine, SchemaIssue, string, union } from './schema-builder.js';

/** Where a task is in `orch-guard run`: pending until it ends in one of the other states. */
// `interrupted`: it was running when orch-guard stopped without a word (kill -9, a crash): shown so, run again on resume.
const TASK_STATUSES = ['pending', 'running', 'passed', 'failed', 'blocked', 'skipped', 'timed-out', 'interrupted'] as const;
export type TaskStatus = typeof TASK_STATUSES[number];

const FINISHED_STATUSES = ['passed', 'failed', 'blocked', 'skipped', 'timed-out'] as const;
type FinishedStatus = typeof FINISHED_STATUSES[number];

/** What a `when` function sees of a finished task. */
export interface TaskResult {
  status: FinishedStatus;
  /** The exit code of the last attempt; null when it did not run or was killed by a signal. */
  exitCode: number | null;
  attempts: number;
  durationMs: number | null;
  /** Why it failed, was blocked or skipped. */
  reason: string | null;
  /** `blocked` when a gate judged its work wrong (build gate, `produces`, or the validation gate after its wave); null without gates. */
  gate: 'pass' | 'blocked' | null;
}

/** The results of the tasks that have finished, by id. */
export interface PipelineResults {
  tasks: Readonly<Record<string, TaskResult>>;
}

type WhenFunction = (results: PipelineResults) => boolean;

const finishedStatus = oneOf(FINISHED_STATUSES);

const whenCondition = refine(object({
  task: string({ minLength: 1, description: 'The earlier task (one this task depends on, directly or not) whose result decides.' }),
  status: optional(union(finishedStatus, array(finishedStatus), { expected: 'a status or a list of statuses' })),
  exitCode: optional(number({ integer: true, description: 'The exit code of its last attempt.' })),
  gate: optional(oneOf(['pass', 'blocked'] as const, { description: 'Whether the gates passed its work, or one blocked it.' })),
}, { description: 'Run only when the task\'s result matches every field given.' }), (condition, path) => {
  if (condition.status === undefined && condition.exitCode === undefined && condition.gate === undefined) {
    throw new SchemaIssue(path, 'give at least one of status, exitCode, gate');
  }
});

const taskSchema = object({
  id: string({ pattern: /^[A-Za-z0-9_][\w.-]*$/, patternHint: 'an id of letters, digits, "_", "." and "-"', description: 'Unique id of the task.' }),
  run: string({ minLength: 1, description: 'Shell command, run by /bin/sh in the root (or `cwd`), in its own process group.' }),
  component: optional(string({ minLength: 1, description: 'The component the task builds: its build gate runs before the task, and introduced findings in it are blamed on the task.' })),
  dependsOn: optional(array(string({ minLength: 1 }), {
    description: 'Tasks that must pass first. Without `when`, the task is skipped if any of them does not pass.',
  })),
  produces: optional(array(string({ minLength: 1 }), {
    description: 'What the task promises to create, checked after it: `"<component>:<Symbol>"`, `"<path>#<Symbol>"` or `"<component>"` (as in `requires`).',
  })),
  when: optional(union(func<WhenFunction>({ description: 'A function of the finished tasks\' results (orch.config.ts/js only).' }), whenCondition, {
    expected: 'a function or { task, status | exitCode | gate }',
    description: 'Run only if this holds, once every dependency has finished (whatever its result: a `when` replaces "all dependencies passed").',
  })),
  timeout: optional(number({ integer: true, minimum: 1, description: 'Milliseconds an attempt may take; then its process tree is killed and the attempt is timed-out.' })),
  retries: optional(number({ integer: true, minimum: 0, description: 'Further attempts after a failed or timed-out one. Default 0.' })),
  retryBackoff: optional(number({ integer: true, minimum: 0, description: 'Milliseconds before the first retry, doubled for each further one. Default 1000.' })),
  env: optional(record(string(), { description: 'Environment variables added for the task.', keyPattern: /^[A-Za-z_][A-Za-z0-9_]*$/ })),
  cwd: optional(string({ minLength: 1, description: 'Working directory, relative to the root.' })),
  inputs: optional(array(string({ minLength: 1 }), {
    description: 'Globs (root-relative) of the files the task reads: with `outputs`, when they, the command and env are unchanged since a passed attempt, its outputs are restored from .orch-guard/task-cache/ and it does not run.',
  })),
  outputs: optional(array(string({ minLength: 1 }), { description: 'Globs (root-relative) of the files the task writes, kept in the task cache after it passes.' })),
  gate: optional(boolean({ description: 'A sync point after this task: a validation gate judges the work finished so far before its dependants start.' })),
  role: optional(oneOf(['build', 'review'] as const, {
    description: 'build (default) changes code; review only reads it: no build gate, no `produces`, never blamed for findings.',
  })),
}, { description: 'A task of the pipeline.' });

const pipelineShape = object({
  maxParallel: optional(number({ integer: true, minimum: 1, description: 'Most tasks running at once. Default: the number of CPUs.' })),
  keepRuns: optional(number({ integer: true, minimum: 1, description: 'How many runs (with their logs and findings) the registry keeps for `orch-guard metrics`. Default 200.' })),
  gracePeriod: optional(number({ integer: true, minimum: 0, description: 'Milliseconds between SIGTERM and SIGKILL when a task times out or the run is stopped. Default 5000.' })),
  schedule: optional(oneOf(['dependencies', 'waves'] as const, {
    description: 'dependencies (default): a task starts as soon as its own dependencies are done, with validation gates at the sync points and at the end; waves: dependency waves, each ending at a validation gate (a barrier).',
  })),
  syncAfter: optional(array(array(string({ minLength: 1 })), {
    description: 'Sync points: once every task of a list has finished, a validation gate judges the work so far; tasks depending on them start after it.',
  })),
  tasks: array(taskSchema, { description: 'The tasks, started by `dependsOn` (see `schedule`).' }),
}, { description: 'The orchestration pipeline of `orch-guard run`: tasks in dependency waves between integration gates.' });

type PipelineConfig = Infer<typeof pipelineShape>;
export type TaskConfig = Infer<typeof taskSchema>;
export type WhenCondition = Infer<typeof whenCondition>;

/** `pipeline` in orch.config.ts: the tasks `orch-guard run` runs between integration gates. */
export const pipelineSchema = refine(pipelineShape, checkTaskReferences);

/** The rules across tasks the shapes cannot express: ids are unique, and every reference names a task. */
function checkTaskReferences(pipeline: PipelineConfig, path: string): void {
  const firstIndex = new Map<string, number>();
  pipeline.tasks.forEach((task, index) => {
    const first = firstIndex.get(task.id);
    if (first !== undefined) throw new SchemaIssue(`${path}.tasks[${index}].id`, `duplicate task id "${task.id}" (also ${path}.tasks[${first}])`);
    firstIndex.set(task.id, index);
  });
  const known = [...firstIndex.keys()];
  const byId = new Map(pipeline.tasks.map((task) => [task.id, task]));
  pipeline.tasks.forEach((task, index) => {
    const at = `${path}.tasks[${index}]`;
    (task.dependsOn ?? []).forEach((dependency, position) => {
      if (dependency === task.id) throw new SchemaIssue(`${at}.dependsOn[${position}]`, `task "${task.id}" cannot depend on itself`);
      if (!byId.has(dependency)) throw new SchemaIssue(`${at}.dependsOn[${position}]`, `unknown task "${dependency}" (known: ${known.join(', ')})`);
    });
    (task.produces ?? []).forEach((entry, position) => {
      if (task.role === 'review') throw new SchemaIssue(`${at}.produces`, 'a review task produces nothing (role "review" only reads the code)');
      if (parseRequirement(entry) === undefined) {
        throw new SchemaIssue(`${at}.produces[${position}]`, `expected "<component>:<Symbol>", "<path>#<Symbol>" or "<component>", got "${entry}"`);
      }
    });
    if (task.gate === true && task.role === 'review') throw new SchemaIssue(`${at}.gate`, 'a review task changes nothing for a gate to judge');
    const when = task.when;
    if (when !== undefined && typeof when !== 'function') {
      if (!byId.has(when.task)) throw new SchemaIssue(`${at}.when.task`, `unknown task "${when.task}" (known: ${known.join(', ')})`);
      if (!isAncestor(byId, task, when.task)) {
        throw new SchemaIssue(`${at}.when.task`, `"${when.task}" must finish before "${task.id}" is decided: list it in dependsOn (directly or through another task)`);
      }
    }
  });
  checkSyncPoints(pipeline, path, known);
}

function checkSyncPoints(pipeline: PipelineConfig, path: string, known: readonly string[]): void {
  (pipeline.syncAfter ?? []).forEach((ids, index) => {
    if (ids.length === 0) throw new SchemaIssue(`${path}.syncAfter[${index}]`, 'name at least one task');
    ids.forEach((id, position) => {
      if (!known.includes(id)) throw new SchemaIssue(`${path}.syncAfter[${index}][${position}]`, `unknown task "${id}" (known: ${known.join(', ')})`);
    });
  });
}

function isAncestor(byId: ReadonlyMap<string, TaskConfig>, task: TaskConfig, candidate: string): boolean {
  const seen = new Set<string>();
  const pending = [...(task.dependsOn ?? [])];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (id === candidate) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return false;
}
