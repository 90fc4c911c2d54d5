import type { RegistryDatabase } from './open-registry.js';

/**
 * The findings (by fingerprint) a wave's validation gate compares with: those before the
 * wave. The run keeps the latest set (its `basis`); each wave gate keeps the set it compared
 * with, so a resumed run judges a wave again against the same starting point.
 */
export function saveBasis(registry: RegistryDatabase, runId: number, fingerprints: readonly string[]): void {
  registry.prepare('UPDATE pipeline_runs SET basis = ? WHERE id = ?').run(JSON.stringify(fingerprints), runId);
}

export function saveWaveComparison(registry: RegistryDatabase, runId: number, wave: number, before: readonly string[], after: readonly string[]): void {
  const write = registry.transaction(() => {
    registry.prepare(`UPDATE pipeline_gates SET fingerprints = ? WHERE id = (SELECT max(id) FROM pipeline_gates WHERE run_id = ? AND phase = 'wave' AND wave = ?)`)
      .run(JSON.stringify(before), runId, wave);
    saveBasis(registry, runId, after);
  });
  write.immediate();
}

/** What wave `wave` is compared with: the set its last gate used, else the run's latest. */
export function readWaveBasis(registry: RegistryDatabase, runId: number, wave: number): string[] | undefined {
  const row = (registry.prepare(`SELECT fingerprints FROM pipeline_gates WHERE run_id = ? AND phase = 'wave' AND wave = ? AND fingerprints IS NOT NULL ORDER BY id DESC LIMIT 1`)
    .get(runId, wave) ?? registry.prepare('SELECT basis AS fingerprints FROM pipeline_runs WHERE id = ?').get(runId)) as { fingerprints: string | null } | undefined;
  return row?.fingerprints === null || row?.fingerprints === undefined ? undefined : JSON.parse(row.fingerprints) as string[];
}
