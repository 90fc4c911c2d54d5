import { type Finding, isFailing } from '../rule-engine/finding.js';
import type { TaskConfig, TaskResult } from '../config/pipeline-schema.js';
import { isUserFacingError } from '../errors.js';
import { checkProduced } from '../gates/check-produced.js';
import { compareFindings } from '../gates/compare-findings.js';
import type { GatePhase } from '../gates/gate-summary.js';
import { runGate } from '../gates/run-gate.js';
import { type BlameContext, blameFindings } from './blame-findings.js';
import type { PipelinePlan } from './load-plan.js';
import { checkTaskGraph, type GateCheck } from './check-task-graph.js';
import { describeGateFindings, type RunFinding, toRunFinding } from './run-finding.js';

export interface WaveGateCheck extends GateCheck {
  /** The tasks the introduced blocking findings are blamed on. */
  blamed: string[];
  /** Every finding now but the pending ones: what the next wave is compared with. */
  fingerprints: string[];
}

/** What a wave gate needs besides the findings: who wrote what, and how far the run got. */
export interface WaveGateInput {
  before: ReadonlySet<string>;
  /** The tasks that ran in the wave. */
  judged: readonly TaskConfig[];
  /**
   * Who wrote what, read after the analysis: a task that finishes while the gate waits or
   * analyses has its writes counted (read earlier, its new file would be blamed on another task).
   */
  readWriters: () => ReadonlyMap<string, ReadonlySet<string>>;
  results: ReadonlyMap<string, TaskResult>;
}

export interface RunGates {
  plan(): Promise<GateCheck>;
  build(component: string): Promise<GateCheck>;
  produces(symbols: readonly string[]): Promise<GateCheck>;
  /** The fingerprints of every finding now: the starting point of the first wave. */
  fingerprints(): Promise<string[]>;
  wave(input: WaveGateInput): Promise<WaveGateCheck>;
  validate(): Promise<GateCheck>;
  /** Dry run (the cleanup gate), or with `fix` the cleanup itself, then the gate. */
  cleanup(fix: { allowDirty: boolean; noGit: boolean; unverified: boolean } | undefined): Promise<GateCheck>;
}

const asRunFindings = (findings: readonly Finding[]): RunFinding[] => findings.filter((finding) => finding.baselined !== true)
  .map((finding) => toRunFinding(finding, { state: isFailing(finding) ? 'blocking' : 'warning' }));

/**
 * The gates of one run, over the analysis of src/gates. They run one at a time: each analyses
 * the whole project (cheap, facts are cached by content hash), and tasks that finish together
 * must not start several analyses at once. Their notices are collected once each.
 */
export function createPipelineGates(plan: PipelinePlan, notices: Set<string>): RunGates {
  const where = { root: plan.root, configFile: plan.configFile };
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const note = (list: readonly string[]) => list.forEach((notice) => notices.add(notice));
  const phaseGate = (phase: GatePhase, component?: string) => serial(async (): Promise<GateCheck> => {
    const result = await runGate(phase, { ...where, ...(component !== undefined ? { component } : {}) });
    note(result.notices);
    const findings = asRunFindings(result.findings);
    return { verdict: result.gate.verdict, detail: describeGateFindings(findings.filter((finding) => finding.state === 'blocking')), findings };
  });
  return {
    async plan() {
      const graph = checkTaskGraph(plan);
      return graph.verdict === 'blocked' ? graph : phaseGate('plan');
    },
    build(component) {
      if ((plan.components[component]?.requires ?? []).length === 0) {
        return Promise.resolve({ verdict: 'pass', detail: [`component ${component} requires nothing`], findings: [] });
      }
      return phaseGate('build', component);
    },
    produces: (symbols) => serial(async () => {
      const result = await checkProduced(where, symbols);
      note(result.notices);
      const missing = result.statuses.filter((status) => status.state !== 'ok');
      const findings = missing.map((status): RunFinding => ({
        rule: 'produces', severity: 'error', state: 'blocking', file: status.requirement.path ?? null, line: null, symbol: status.requirement.symbol ?? null,
        component: status.requirement.component ?? null, consumer: null, task: null, fingerprint: `produces:${status.requirement.text}`,
        message: `${status.requirement.text} is missing: ${status.detail}`, fix: `create ${status.requirement.text} as promised, or take it out of the task's produces`,
      }));
      return { verdict: missing.length > 0 ? 'blocked' : 'pass', detail: findings.map((finding) => finding.message), findings };
    }),
    fingerprints: () => serial(async () => {
      const result = await compareFindings(where, new Set());
      note(result.notices);
      return result.fingerprints;
    }),
    wave: (input) => serial(async () => {
      const result = await compareFindings(where, input.before);
      note(result.notices);
      const introduced = result.introduced.filter((finding) => finding.baselined !== true);
      // Writers and results are taken together, after the analysis, so they agree with each other.
      const blame: BlameContext = { tasks: plan.tasks, components: plan.components, writers: input.readWriters(), results: new Map(input.results), judged: input.judged, all: result.findings };
      const findings = blameFindings(introduced, blame);
      const blocking = findings.filter((finding) => finding.state === 'blocking');
      // Pending findings stay out of the comparison set, so the next wave judges them again.
      const waiting = new Set(findings.filter((finding) => finding.state === 'pending').map((finding) => finding.fingerprint));
      const order = (finding: RunFinding) => ['blocking', 'pending', 'warning'].indexOf(finding.state);
      const sorted = [...findings].sort((a, b) => order(a) - order(b));
      return {
        verdict: blocking.length > 0 ? 'blocked' : 'pass',
        detail: describeGateFindings(sorted),
        findings: sorted,
        blamed: [...new Set(blocking.flatMap((finding) => (finding.task !== null ? [finding.task] : [])))],
        fingerprints: result.fingerprints.filter((fingerprint) => !waiting.has(fingerprint)),
      };
    }),
    validate: () => phaseGate('validate'),
    async cleanup(fix) {
      if (fix === undefined) return phaseGate('cleanup');
      const applied = await serial(async (): Promise<GateCheck | undefined> => {
        try {
          // Loaded only here: the cleanup's code editing (ts-morph) is not needed otherwise.
          const { runCleanup } = await import('../cleanup/run-cleanup.js');
          const result = await runCleanup({ ...where, production: false, scope: {}, fix: true, force: false, ...fix });
          note(result.notices);
          return undefined;
        } catch (error) {
          // The cleanup refused (files not committed, verification failing): that is its verdict.
          if (!isUserFacingError(error)) throw error;
          return { verdict: 'blocked', detail: [error.message], findings: [] };
        }
      });
      return applied ?? phaseGate('cleanup');
    },
  };
}
