import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import { readRunWriters } from '../registry/pipeline-blame-store.js';
import type { WaveGateCheck } from './pipeline-gates.js';
import type { RunContext } from './run-context.js';
import type { RunGatePhase } from './run-events.js';
import { saveWaveComparison } from '../registry/pipeline-fingerprint-store.js';

export type GateRecorder = <T extends WaveGateCheck>(phase: RunGatePhase, check: () => Promise<T>, number?: number) => Promise<T>;

/**
 * A validation gate over the work of `judged` (a wave, or the tasks since the last sync
 * point): the findings introduced since `before`, blamed by what each task wrote. Blamed
 * tasks become `blocked` (their dependants do not start). Returns the set the next gate
 * compares with.
 */
export async function judgeWork(run: RunContext, input: {
  gate: GateRecorder;
  phase: 'wave' | 'sync';
  number: number;
  before: ReadonlySet<string>;
  judged: readonly TaskConfig[];
  results: Map<string, TaskResult>;
  bail: { enabled: boolean; cause?: string };
}): Promise<Set<string>> {
  const { registry, claimed, journal } = run;
  const gates = run.gates as NonNullable<RunContext['gates']>;
  const readWriters = () => readRunWriters(registry, claimed.runId);
  const check = await input.gate(input.phase, () => gates.wave({ before: input.before, judged: input.judged, readWriters, results: input.results }), input.number);
  saveWaveComparison(registry, claimed.runId, input.number, [...input.before], check.fingerprints);
  const where = input.phase === 'wave' ? `after wave ${input.number}` : `at sync point ${input.number}`;
  for (const id of check.blamed) {
    const findings = check.findings.filter((finding) => finding.task === id && finding.state === 'blocking');
    const reason = `the validation gate ${where} blocked its work: ${check.detail.find((line) => line.startsWith(`${id}: `))?.slice(id.length + 2)}`;
    input.results.set(id, { ...(input.results.get(id) as TaskResult), status: 'blocked', gate: 'blocked', reason });
    journal.record({ type: 'task-blocked', task: id, reason, findings });
  }
  if (check.verdict === 'blocked' && input.bail.enabled) input.bail.cause ??= `the validation gate ${where} blocked`;
  return new Set(check.fingerprints);
}
