import type { RegistryDatabase } from './open-registry.js';

/** A file an attempt of a pipeline task created, changed or deleted (content hashes; null: absent). */
export interface AttemptChangeRow {
  path: string;
  before: string | null;
  after: string | null;
}

/** A gate's finding as stored: who it was blamed on, and what to do about it. */
export interface GateFindingRow {
  rule: string;
  severity: 'error' | 'warn';
  state: 'blocking' | 'pending' | 'warning';
  file: string | null;
  line: number | null;
  symbol: string | null;
  component: string | null;
  consumer: string | null;
  task: string | null;
  fingerprint: string;
  message: string;
  fix: string;
  waitingFor?: string;
  original?: string;
}

/** A gate blamed findings on a task that had passed: it is `blocked` now (and runs again on resume). */
export function blockPipelineTask(registry: RegistryDatabase, runId: number, task: string, reason: string): void {
  registry.prepare(`UPDATE pipeline_tasks SET status = 'blocked', reason = ? WHERE run_id = ? AND task_id = ?`).run(reason, runId, task);
}

export function saveAttemptChanges(registry: RegistryDatabase, runId: number, task: string, attempt: number, changes: readonly AttemptChangeRow[]): void {
  const insert = registry.prepare('INSERT OR REPLACE INTO pipeline_changes (run_id, task_id, attempt, path, before_hash, after_hash) VALUES (?, ?, ?, ?, ?, ?)');
  const write = registry.transaction(() => {
    for (const change of changes) insert.run(runId, task, attempt, change.path, change.before, change.after);
  });
  write.immediate();
}

/** Every file written in a run, with the tasks whose attempts wrote it. */
export function readRunWriters(registry: RegistryDatabase, runId: number): Map<string, Set<string>> {
  const writers = new Map<string, Set<string>>();
  for (const row of registry.prepare('SELECT DISTINCT path, task_id FROM pipeline_changes WHERE run_id = ?').all(runId) as Array<{ path: string; task_id: string }>) {
    const tasks = writers.get(row.path) ?? new Set<string>();
    tasks.add(row.task_id);
    writers.set(row.path, tasks);
  }
  return writers;
}

/** What a task's attempts changed in a run, by path (the latest attempt's change last). */
export function readTaskChanges(registry: RegistryDatabase, runId: number, task: string): Array<AttemptChangeRow & { attempt: number }> {
  return (registry.prepare('SELECT attempt, path, before_hash AS before, after_hash AS after FROM pipeline_changes WHERE run_id = ? AND task_id = ? ORDER BY attempt, path')
    .all(runId, task) as Array<AttemptChangeRow & { attempt: number }>);
}

/** A gate's findings, and how long it took (the gate row itself is written with the run's events). */
export function saveGateFindings(registry: RegistryDatabase, runId: number, gateId: number, findings: readonly GateFindingRow[], durationMs: number): void {
  registry.prepare('UPDATE pipeline_gates SET duration_ms = ? WHERE id = ?').run(durationMs, gateId);
  const insert = registry.prepare(`INSERT INTO pipeline_findings (run_id, gate_id, task_id, rule, severity, state, file, line, symbol, component, consumer, fingerprint, message, fix, waiting_for, original)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const finding of findings) {
    insert.run(runId, gateId, finding.task, finding.rule, finding.severity, finding.state, finding.file, finding.line, finding.symbol, finding.component,
      finding.consumer, finding.fingerprint, finding.message, finding.fix, finding.waitingFor ?? null, finding.original ?? null);
  }
}

/** A run's gate findings, by the id of their gate. */
export function readGateFindings(registry: RegistryDatabase, runId: number): Map<number, GateFindingRow[]> {
  const byGate = new Map<number, GateFindingRow[]>();
  for (const row of registry.prepare('SELECT * FROM pipeline_findings WHERE run_id = ? ORDER BY id').all(runId) as Array<Record<string, unknown>>) {
    const list = byGate.get(row.gate_id as number) ?? [];
    list.push(rowToFinding(row));
    byGate.set(row.gate_id as number, list);
  }
  return byGate;
}

function rowToFinding(row: Record<string, unknown>): GateFindingRow {
  return {
    rule: row.rule as string,
    severity: row.severity as GateFindingRow['severity'],
    state: row.state as GateFindingRow['state'],
    file: row.file as string | null,
    line: row.line as number | null,
    symbol: row.symbol as string | null,
    component: row.component as string | null,
    consumer: row.consumer as string | null,
    task: row.task_id as string | null,
    fingerprint: row.fingerprint as string,
    message: row.message as string,
    fix: row.fix as string,
    ...(row.waiting_for !== null ? { waitingFor: row.waiting_for as string } : {}),
    ...(row.original !== null ? { original: row.original as string } : {}),
  };
}
