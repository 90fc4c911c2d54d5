import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixture, FIXTURES } from '../support/run-cli.js';

/** A temp project: the shop of fixtures/pipeline/base with a case's orch.config.ts (fixtures/pipeline/<case>/). */
export function copyPipelineCase(name: string): string {
  const root = copyFixture('pipeline/base');
  copyFileSync(path.join(FIXTURES, 'pipeline', name, 'orch.config.ts'), path.join(root, 'orch.config.ts'));
  return root;
}

export interface RunEvent {
  seq: number;
  type: string;
  task?: string;
  wave?: number;
  phase?: string;
  verdict?: string;
  status?: string;
  attempt?: number;
  pid?: number;
  delayMs?: number;
  tasks?: string[];
  detail?: string[];
}

/** The run's events.jsonl, parsed. */
export function readEvents(root: string, runId = 1): RunEvent[] {
  const file = path.join(root, '.orch-guard/runs', String(runId), 'events.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as RunEvent);
}

/** How many times each task's command ran (the fixture's tasks append their id to executions.log). */
export function executions(root: string): Record<string, number> {
  const file = path.join(root, 'executions.log');
  const counts: Record<string, number> = {};
  if (!existsSync(file)) return counts;
  for (const id of readFileSync(file, 'utf8').split('\n').filter(Boolean)) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/** Sequence numbers of a task's milestones, for order assertions. */
export function milestones(events: readonly RunEvent[], task: string): { started: number; finished: number } {
  const started = events.find((event) => event.type === 'attempt-started' && event.task === task)?.seq ?? Number.NaN;
  const finished = events.find((event) => event.type === 'task-finished' && event.task === task)?.seq ?? Number.NaN;
  return { started, finished };
}
