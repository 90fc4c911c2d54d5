import type { TaskConfig } from '../config/pipeline-schema.js';
import { judgeWork, type GateRecorder } from './judge-work.js';
import type { RunContext } from './run-context.js';
import { runByDependencies } from './run-by-dependencies.js';
import { runWaveTasks, type WaveContext } from './run-wave.js';
import { readWaveBasis, saveBasis } from '../registry/pipeline-fingerprint-store.js';
import type { RunRecord } from './state/read-run.js';

interface BuildInput {
  context: WaveContext;
  previous: RunRecord | undefined;
  gate: GateRecorder;
}

/** What the first gate compares with: the findings before the run (a new run), else the run's last set. */
async function startingBasis(run: RunContext, previous: RunRecord | undefined, results: WaveContext['results']): Promise<Set<string> | undefined> {
  const gates = run.gates;
  if (gates === undefined) return undefined;
  if (!run.claimed.resumed) {
    const basis = new Set(await gates.fingerprints());
    saveBasis(run.registry, run.claimed.runId, [...basis]);
    return basis;
  }
  // Resumed: the last set, less what was blamed on tasks that run again (their new work is judged anew).
  const last = readWaveBasis(run.registry, run.claimed.runId, 0) ?? await gates.fingerprints();
  const rerun = new Set(run.plan.tasks.map((task) => task.id).filter((id) => !results.has(id)));
  const blamed = new Set((previous?.gates ?? []).flatMap((gate) => gate.findings).filter((finding) => finding.state === 'blocking' && finding.task !== null && rerun.has(finding.task)).map((finding) => finding.fingerprint));
  return new Set(last.filter((fingerprint) => !blamed.has(fingerprint)));
}

/** Tasks start as soon as their own dependencies are done; the gates run at the sync points and, over the rest, at the end. */
export async function buildByDependencies(run: RunContext, input: BuildInput): Promise<void> {
  const { context, gate } = input;
  let basis = await startingBasis(run, input.previous, context.results);
  const judge = async (number: number, judged: readonly TaskConfig[]) => {
    if (basis === undefined || context.bail.cause !== undefined) return;
    basis = await judgeWork(run, { gate, phase: 'sync', number, before: basis, judged, results: context.results, bail: context.bail });
  };
  const rest = await runByDependencies(run.plan.tasks.map((task) => task.id), { ...context, syncPoints: run.plan.syncPoints, judge, onSync: () => undefined });
  if (!run.options.signal.aborted && rest.length > 0) await judge(run.plan.syncPoints.length + 1, rest);
}

/** Wave after wave: the gate after each is the sync point (a barrier). */
export async function buildInWaves(run: RunContext, input: BuildInput & { waves: readonly string[][] }): Promise<void> {
  const { context, gate, previous } = input;
  const { plan, claimed, options } = run;
  const gates = run.gates;
  const results = context.results;
  const lastWaveVerdict = (wave: number) => (previous?.gates ?? []).filter((entry) => entry.phase === 'wave' && entry.wave === wave).at(-1)?.verdict;
  let basis: Set<string> | undefined;
  if (gates !== undefined && !claimed.resumed) basis = await startingBasis(run, previous, results);
  for (const [index, ids] of input.waves.entries()) {
    const wave = index + 1;
    if (options.signal.aborted) break;
    // Every task of the wave kept from before the resume: nothing to run or judge again.
    if (ids.every((id) => results.has(id) && claimed.resumed)) continue;
    run.journal.record({ type: 'wave-started', wave, tasks: ids });
    const ran = await runWaveTasks(ids, context);
    if (options.signal.aborted) break;
    const executed = ids.map((id) => plan.byId.get(id) as TaskConfig).filter((task) => ['passed', 'failed', 'timed-out'].includes(results.get(task.id)?.status ?? ''));
    if (gates === undefined || context.bail.cause !== undefined || executed.length === 0) continue;
    if (ran.length === 0 && lastWaveVerdict(wave) === 'pass') continue;
    const before = basis ?? new Set(readWaveBasis(run.registry, claimed.runId, wave) ?? await gates.fingerprints());
    basis = await judgeWork(run, { gate, phase: 'wave', number: wave, before, judged: executed, results, bail: context.bail });
  }
}
