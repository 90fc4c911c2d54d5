import { type Finding, isFailing } from '../rule-engine/finding.js';
import type { TaskConfig } from '../config/pipeline-schema.js';
import { isUserFacingError } from '../errors.js';
import { checkProduced } from '../gates/check-produced.js';
import { compareFindings } from '../gates/compare-findings.js';
import type { GatePhase } from '../gates/gate-summary.js';
import { runGate } from '../gates/run-gate.js';
import { attributeFindings } from './attribute-findings.js';
import { splitPendingFindings } from './pending-findings.js';
import type { PipelinePlan } from './load-plan.js';
import { checkTaskGraph, type GateCheck } from './check-task-graph.js';

export interface WaveGateCheck extends GateCheck {
  /** The tasks the introduced findings are blamed on. */
  blamed: string[];
  /** Every finding now but the pending ones: what the next wave is compared with. */
  fingerprints: string[];
}

export interface RunGates {
  plan(): Promise<GateCheck>;
  build(component: string): Promise<GateCheck>;
  produces(symbols: readonly string[]): Promise<GateCheck>;
  /** The fingerprints of every finding now: the starting point of the first wave. */
  fingerprints(): Promise<string[]>;
  /** `stillToBuild`: components whose builder tasks have not run yet (their providers' findings are pending). */
  wave(before: ReadonlySet<string>, tasks: readonly TaskConfig[], stillToBuild: ReadonlySet<string>): Promise<WaveGateCheck>;
  validate(): Promise<GateCheck>;
  /** Dry run (the cleanup gate), or with `fix` the cleanup itself, then the gate. */
  cleanup(fix: { allowDirty: boolean; noGit: boolean } | undefined): Promise<GateCheck>;
}

const describeFinding = (finding: Finding) => `${finding.rule} ${finding.file}:${finding.line}: ${finding.message}`;

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
    return { verdict: result.gate.verdict, detail: result.findings.filter(isFailing).map(describeFinding) };
  });
  return {
    async plan() {
      const graph = checkTaskGraph(plan.graph);
      return graph.verdict === 'blocked' ? graph : phaseGate('plan');
    },
    build(component) {
      if ((plan.components[component]?.requires ?? []).length === 0) {
        return Promise.resolve({ verdict: 'pass', detail: [`component ${component} requires nothing`] });
      }
      return phaseGate('build', component);
    },
    produces: (symbols) => serial(async () => {
      const result = await checkProduced(where, symbols);
      note(result.notices);
      const missing = result.statuses.filter((status) => status.state !== 'ok');
      return { verdict: missing.length > 0 ? 'blocked' : 'pass', detail: missing.map((status) => `${status.requirement.text} is missing: ${status.detail}`) };
    }),
    fingerprints: () => serial(async () => {
      const result = await compareFindings(where, new Set());
      note(result.notices);
      return result.fingerprints;
    }),
    wave: (before, tasks, stillToBuild) => serial(async () => {
      const result = await compareFindings(where, before);
      note(result.notices);
      const { blocking, pending } = splitPendingFindings(result.introduced.filter(isFailing), plan.components, stillToBuild);
      const blamed = attributeFindings(blocking, tasks, plan.components);
      // Pending findings stay out of the comparison set, so the next wave judges them again.
      const waiting = new Set(pending.map(({ finding }) => finding.fingerprint));
      return {
        verdict: blocking.length > 0 ? 'blocked' : 'pass',
        detail: [
          ...[...blamed].flatMap(([task, findings]) => findings.map((finding) => `${task}: ${describeFinding(finding)}`)),
          ...pending.map(({ finding, consumer }) => `pending until component ${consumer} is built: ${describeFinding(finding)}`),
        ],
        blamed: [...blamed.keys()],
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
          return { verdict: 'blocked', detail: [error.message] };
        }
      });
      return applied ?? phaseGate('cleanup');
    },
  };
}
