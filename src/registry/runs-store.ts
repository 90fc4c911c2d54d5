import type { Finding } from '../rule-engine/finding.js';
import type { RegistryDatabase } from './open-registry.js';

/** How many past runs (with their findings) the registry keeps. */
const KEPT_RUNS = 50;

export function startRun(registry: RegistryDatabase, command: string, options: unknown): number {
  const result = registry.prepare('INSERT INTO runs (command, started_at, options) VALUES (?, ?, ?)')
    .run(command, new Date().toISOString(), JSON.stringify(options));
  return Number(result.lastInsertRowid);
}

export function finishRun(
  registry: RegistryDatabase,
  runId: number,
  outcome: { fileCount: number; parsedCount: number; exitCode: number; findings: readonly Finding[] },
): void {
  const insert = registry.prepare(`INSERT INTO findings (run_id, rule, severity, file, line, column, symbol, kind, reason, message, fingerprint)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const write = registry.transaction(() => {
    registry.prepare('UPDATE runs SET finished_at = ?, file_count = ?, parsed_count = ?, exit_code = ? WHERE id = ?')
      .run(new Date().toISOString(), outcome.fileCount, outcome.parsedCount, outcome.exitCode, runId);
    for (const finding of outcome.findings) {
      insert.run(runId, finding.rule, finding.severity, finding.file, finding.line, finding.column,
        finding.symbol, finding.kind, finding.reason, finding.message, finding.fingerprint);
    }
    registry.prepare('DELETE FROM runs WHERE id <= (SELECT id FROM runs ORDER BY id DESC LIMIT 1 OFFSET ?)').run(KEPT_RUNS);
  });
  write.immediate();
}
