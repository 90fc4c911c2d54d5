import type { Finding } from '../rule-engine/finding.js';
import type { RegistryDatabase } from './open-registry.js';

/** A phase gate's verdict with the findings it judged, in `gate_results` (kept as long as its validate run). */
export function recordGateResult(
  registry: RegistryDatabase,
  validateRunId: number,
  gate: { phase: string; component?: string; verdict: string },
  findings: readonly Finding[],
): void {
  registry.prepare('INSERT INTO gate_results (run_id, phase, component, verdict, findings, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(validateRunId, gate.phase, gate.component ?? null, gate.verdict, JSON.stringify(findings), new Date().toISOString());
}
