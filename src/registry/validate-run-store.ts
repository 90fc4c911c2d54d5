import type { Finding } from '../rule-engine/finding.js';
import type { RegistryDatabase } from './open-registry.js';

/** How many validate and gate runs (with their findings) the registry keeps. */
const KEPT_VALIDATE_RUNS = 50;

/** Records the start of a `validate` or `gate` run (the table `validate_runs`); returns its id. */
export function startValidateRun(registry: RegistryDatabase, command: string, options: unknown): number {
  const result = registry.prepare('INSERT INTO validate_runs (command, started_at, options) VALUES (?, ?, ?)')
    .run(command, new Date().toISOString(), JSON.stringify(options));
  return Number(result.lastInsertRowid);
}

/** Records the end of a run with its findings, and drops runs beyond the last KEPT_VALIDATE_RUNS. */
export function finishValidateRun(
  registry: RegistryDatabase,
  runId: number,
  outcome: { fileCount: number; parsedCount: number; exitCode: number; findings: readonly Finding[] },
): void {
  const insert = registry.prepare(`INSERT INTO findings (run_id, rule, severity, file, line, column, symbol, kind, reason, message, fingerprint)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const write = registry.transaction(() => {
    registry.prepare('UPDATE validate_runs SET finished_at = ?, file_count = ?, parsed_count = ?, exit_code = ? WHERE id = ?')
      .run(new Date().toISOString(), outcome.fileCount, outcome.parsedCount, outcome.exitCode, runId);
    for (const finding of outcome.findings) {
      insert.run(runId, finding.rule, finding.severity, finding.file, finding.line, finding.column,
        finding.symbol, finding.kind, finding.reason, finding.message, finding.fingerprint);
    }
    registry.prepare('DELETE FROM validate_runs WHERE id <= (SELECT id FROM validate_runs ORDER BY id DESC LIMIT 1 OFFSET ?)').run(KEPT_VALIDATE_RUNS);
  });
  write.immediate();
}
