import { findBaseline } from '../baseline/baseline-file.js';
import { type Finding, isFailing } from '../rule-engine/finding.js';
import { UsageError } from '../errors.js';
import { analyse } from '../analyse/analyse.js';
import { registryPath, withRegistry } from '../analyse/with-registry.js';
import { loadRecoveredProject } from '../analyse/load-recovered-project.js';
import { recordGateResult } from '../registry/gate-result-store.js';
import { finishValidateRun, startValidateRun } from '../registry/validate-run-store.js';
import type { GatePhase, GateSummary } from './gate-summary.js';

export interface GateOptions {
  root: string;
  configFile?: string;
  component?: string;
  production?: boolean;
  baseline?: string | false;
}

export interface GateResult {
  root: string;
  gate: GateSummary;
  /** The findings the gate judged; blocking ones are errors that are not baselined. */
  findings: Finding[];
  notices: string[];
  fileCount: number;
  exitCode: 0 | 1;
}

/** Rules removal by cleanup is based on: what the cleanup phase would take out. */
const REMOVABLE_RULES = new Set(['unused-file', 'unused-export', 'unused-type', 'unused-enum-member', 'dead-code']);

/**
 * One phase gate. plan: the contracts can be built in order (no requires cycle, every
 * requirement exists or is pending in a provider's `provides`). build: everything one
 * component requires exists now. validate: all contracts hold and no dead code. cleanup:
 * nothing is left to remove. Each verdict is recorded in the registry.
 */
export async function runGate(phase: GatePhase, options: GateOptions): Promise<GateResult> {
  const notices: string[] = [];
  const project = await loadRecoveredProject({ ...options, production: options.production === true, notices });
  const components = project.loaded.config.components ?? {};
  if (phase === 'build') {
    if (options.component === undefined) throw new UsageError('gate build: --component <name> is required');
    if (!(options.component in components)) {
      const declared = Object.keys(components);
      throw new UsageError(`gate build --component ${options.component}: unknown component${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ' (the config declares no components)'}`);
    }
  }
  if ((phase === 'plan' || phase === 'build') && Object.keys(components).length === 0) {
    notices.push(`gate ${phase}: the config declares no components, so there are no contracts to check`);
  }
  const baseline = phase === 'validate' || phase === 'cleanup' ? findBaseline(project.root, options.baseline) : undefined;
  return withRegistry(registryPath(project.root, project.loaded.config.registry), notices, async (registry) => {
    const runId = startValidateRun(registry, `gate ${phase}`, { component: options.component });
    const analysis = await analyse(project, registry, {
      production: options.production === true,
      includeEntryExports: project.loaded.config.includeEntryExports ?? false,
      useCache: true,
      notices,
      ...(baseline !== undefined ? { baseline } : {}),
    });
    const { findings, pending } = judgedFindings(phase, analysis.findings, options.component);
    const verdict = findings.some(isFailing) ? 'blocked' : 'pass';
    const gate: GateSummary = { phase, ...(options.component !== undefined ? { component: options.component } : {}), verdict, pending };
    const exitCode = verdict === 'blocked' ? 1 : 0;
    finishValidateRun(registry, runId, { fileCount: project.files.length, parsedCount: analysis.parsedCount, exitCode, findings });
    recordGateResult(registry, runId, gate, findings);
    return { root: project.root, gate, findings, notices, fileCount: project.files.length, exitCode };
  });
}

function judgedFindings(phase: GatePhase, all: Finding[], component: string | undefined): { findings: Finding[]; pending: string[] } {
  switch (phase) {
    case 'plan': {
      const contract = all.filter((finding) => finding.rule === 'contract-requirement' || finding.rule === 'requires-cycle');
      const pending = contract.filter((finding) => finding.kind === 'pending-requirement');
      return {
        findings: contract.filter((finding) => finding.kind !== 'pending-requirement'),
        pending: pending.map((finding) => `${finding.component}: ${finding.symbol}`),
      };
    }
    case 'build':
      return { findings: all.filter((finding) => finding.rule === 'contract-requirement' && finding.component === component), pending: [] };
    case 'validate':
      return { findings: all, pending: [] };
    case 'cleanup':
      return { findings: all.filter((finding) => REMOVABLE_RULES.has(finding.rule) && finding.baselined !== true), pending: [] };
  }
}
