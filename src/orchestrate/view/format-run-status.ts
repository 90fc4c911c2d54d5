import path from 'node:path';
import type { GateRecord, RunRecord, TaskRecord } from '../state/read-run.js';
import { formatDuration } from './format-duration.js';

/** `orch-guard status --reporter json`: the run as recorded, versioned. */
export function formatRunJson(run: RunRecord): string {
  const { tasks, gates, ...summary } = run;
  return `${JSON.stringify({ version: 1, run: summary, gates, tasks }, null, 2)}\n`;
}

/**
 * The run's table: one row per task (status, attempts, duration, the verdicts of the gates
 * that judged it), the run's gates, and why each task that did not pass did not.
 */
export function formatRunTable(run: RunRecord, root: string): string {
  const took = run.finishedAt !== null ? ` in ${formatDuration(Date.parse(run.finishedAt) - Date.parse(run.startedAt))}` : '';
  const lines = [
    `Run #${run.id}: ${run.status}${run.exitCode !== null ? ` (exit ${run.exitCode})` : ''}${took}, started ${run.startedAt}${run.resumedAt !== null ? `, resumed ${run.resumedAt}` : ''}`,
    `Gates: ${formatGates(run.gates)}`,
    '',
  ];
  const rows = [['task', 'wave', 'status', 'attempts', 'duration', 'gates'], ...run.tasks.map((task) => [
    task.id, task.wave > 0 ? String(task.wave) : '-', task.status, String(task.attempts), formatDuration(task.durationMs), taskGates(task),
  ])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) lines.push(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
  const explained = run.tasks.filter((task) => task.reason !== null);
  if (explained.length > 0) lines.push('', ...explained.map((task) => `${task.id}: ${task.reason}${logHint(task, root)}`));
  const blocked = run.gates.filter((gate) => gate.verdict === 'blocked' && gate.phase !== 'build' && gate.phase !== 'produces');
  for (const gate of latestPerGate(blocked)) lines.push('', `${gateName(gate)} blocked:`, ...gate.detail.map((line) => `  ${line}`));
  const warnings = [...new Map(run.gates.flatMap((gate) => gate.findings).filter((finding) => finding.state === 'warning' && finding.task !== null)
    .map((finding) => [`${finding.fingerprint} ${finding.task}`, finding])).values()];
  if (warnings.length > 0) lines.push('', 'Warnings blamed on tasks:', ...warnings.map((finding) => `  ${finding.task}: ${finding.rule} ${finding.file ?? ''}: ${finding.message}`));
  return `${lines.join('\n')}\n`;
}

function taskGates(task: TaskRecord): string {
  const entries = Object.entries(task.gates).map(([phase, verdict]) => `${phase} ${verdict}`);
  return entries.length > 0 ? entries.join(', ') : '-';
}

function gateName(gate: GateRecord): string {
  return gate.phase === 'wave' ? `wave ${gate.wave}` : gate.phase;
}

/** A gate run twice (a wave judged again on resume, validate after --fix) counts by its latest verdict. */
function latestPerGate(gates: readonly GateRecord[]): GateRecord[] {
  return [...new Map(gates.map((gate) => [gateName(gate), gate])).values()];
}

function formatGates(gates: readonly GateRecord[]): string {
  const runGates = latestPerGate(gates.filter((gate) => gate.phase !== 'build' && gate.phase !== 'produces'));
  return runGates.length === 0 ? 'none ran' : runGates.map((gate) => `${gateName(gate)} ${gate.verdict}`).join(', ');
}

function logHint(task: TaskRecord, root: string): string {
  return task.logFile !== null && (task.status === 'failed' || task.status === 'timed-out') ? ` (log: ${path.relative(root, task.logFile)})` : '';
}
