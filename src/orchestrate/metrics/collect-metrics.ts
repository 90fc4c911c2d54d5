import type { PipelineHistory } from '../../registry/pipeline-metrics-store.js';

/** What `orch-guard metrics` reports: what the gates caught, and how the runs went, over the kept history. */
export interface PipelineMetrics {
  version: 1;
  runs: { kept: number; retention: number; byStatus: Record<string, number> };
  /** Per gate and rule: the findings caught (each finding once per run and state) and the tasks they were blamed on. */
  findings: Array<{ gate: string; rule: string; blocking: number; pending: number; warning: number; blamedOn: Record<string, number> }>;
  tasks: Array<{ task: string; runs: number; passed: number; failed: number; blocked: number; timedOut: number; skipped: number; retried: number; avgDurationMs: number | null }>;
  /** Time per phase: the gates of each phase, and the tasks' own time. */
  phases: Array<{ phase: string; count: number; totalMs: number; avgMs: number }>;
  /** Per wave (or dependency level): from its first task's start to its last task's end, averaged over runs. */
  waves: Array<{ wave: number; runs: number; avgMs: number }>;
  /** Per run, from its last validate gate: dead code and duplicate implementations left, as a trend. */
  trend: Array<{ run: number; status: string; startedAt: string; wallMs: number | null; deadCode: number; duplicates: number; blockedTasks: number }>;
}

const DEAD_CODE_RULES = new Set(['unused-file', 'unused-export', 'unused-type', 'unused-enum-member', 'dead-code', 'contract-unconsumed']);
const since = (start: string | null, end: string | null) => (start === null || end === null ? null : Date.parse(end) - Date.parse(start));
const average = (values: readonly number[]) => (values.length === 0 ? null : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length));

export function collectMetrics(history: PipelineHistory, retention: number): PipelineMetrics {
  const gateById = new Map(history.gates.map((gate) => [gate.id, gate]));
  return {
    version: 1,
    runs: { kept: history.runs.length, retention, byStatus: countBy(history.runs.map((run) => run.status)) },
    findings: findingsByGateAndRule(history, gateById),
    tasks: taskOutcomes(history),
    phases: phaseTimes(history),
    waves: waveTimes(history),
    trend: history.runs.map((run) => {
      const validate = history.gates.filter((gate) => gate.runId === run.id && gate.phase === 'validate').at(-1);
      const found = validate === undefined ? [] : history.findings.filter((finding) => finding.gateId === validate.id);
      return {
        run: run.id, status: run.status, startedAt: run.startedAt, wallMs: since(run.startedAt, run.finishedAt),
        deadCode: found.filter((finding) => DEAD_CODE_RULES.has(finding.rule)).length,
        duplicates: found.filter((finding) => finding.rule === 'duplicate-implementation').length,
        blockedTasks: history.tasks.filter((task) => task.runId === run.id && task.status === 'blocked').length,
      };
    }),
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function findingsByGateAndRule(history: PipelineHistory, gateById: ReadonlyMap<number, PipelineHistory['gates'][number]>): PipelineMetrics['findings'] {
  const rows = new Map<string, PipelineMetrics['findings'][number]>();
  const seen = new Set<string>();
  // The validate and cleanup gates blame nobody: what is still there is on the task an earlier gate of the run blamed.
  const blamedEarlier = new Map(history.findings.filter((finding) => finding.task !== null && finding.state !== 'pending')
    .map((finding) => [`${finding.runId} ${finding.fingerprint}`, finding.task as string]));
  for (const found of history.findings) {
    const finding = found.task === null ? { ...found, task: blamedEarlier.get(`${found.runId} ${found.fingerprint}`) ?? null } : found;
    const phase = gateById.get(finding.gateId)?.phase ?? '?';
    // A pending finding is judged again at every later gate: it counts once per run and state.
    const identity = `${finding.runId} ${phase} ${finding.fingerprint} ${finding.state} ${finding.task ?? ''}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const key = `${phase} ${finding.rule}`;
    const row = rows.get(key) ?? { gate: phase, rule: finding.rule, blocking: 0, pending: 0, warning: 0, blamedOn: {} };
    row[finding.state as 'blocking' | 'pending' | 'warning'] += 1;
    if (finding.task !== null && finding.state !== 'pending') row.blamedOn[finding.task] = (row.blamedOn[finding.task] ?? 0) + 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.gate.localeCompare(b.gate) || a.rule.localeCompare(b.rule));
}

function taskOutcomes(history: PipelineHistory): PipelineMetrics['tasks'] {
  const ids = [...new Set(history.tasks.map((task) => task.task))];
  return ids.map((id) => {
    const runs = history.tasks.filter((task) => task.task === id);
    const count = (status: string) => runs.filter((task) => task.status === status).length;
    return {
      task: id, runs: runs.length, passed: count('passed'), failed: count('failed'), blocked: count('blocked'), skipped: count('skipped'),
      timedOut: new Set(history.timeouts.filter((timeout) => timeout.task === id).map((timeout) => timeout.runId)).size,
      retried: runs.filter((task) => task.attempts > 1).length,
      avgDurationMs: average(runs.flatMap((task) => (task.durationMs !== null ? [task.durationMs] : []))),
    };
  });
}

function phaseTimes(history: PipelineHistory): PipelineMetrics['phases'] {
  const byPhase = new Map<string, number[]>();
  for (const gate of history.gates) if (gate.durationMs !== null) byPhase.set(gate.phase, [...(byPhase.get(gate.phase) ?? []), gate.durationMs]);
  byPhase.set('tasks', history.tasks.flatMap((task) => (task.durationMs !== null ? [task.durationMs] : [])));
  return [...byPhase].map(([phase, times]) => ({ phase, count: times.length, totalMs: times.reduce((sum, time) => sum + time, 0), avgMs: average(times) ?? 0 }));
}

function waveTimes(history: PipelineHistory): PipelineMetrics['waves'] {
  const spans = new Map<number, number[]>();
  for (const run of history.runs) {
    const tasks = history.tasks.filter((task) => task.runId === run.id && task.startedAt !== null && task.finishedAt !== null);
    for (const wave of new Set(tasks.map((task) => task.wave))) {
      const inWave = tasks.filter((task) => task.wave === wave);
      const start = Math.min(...inWave.map((task) => Date.parse(task.startedAt as string)));
      const end = Math.max(...inWave.map((task) => Date.parse(task.finishedAt as string)));
      spans.set(wave, [...(spans.get(wave) ?? []), end - start]);
    }
  }
  return [...spans].sort(([a], [b]) => a - b).map(([wave, times]) => ({ wave, runs: times.length, avgMs: average(times) ?? 0 }));
}
