import { formatDuration } from '../view/format-duration.js';
import type { PipelineMetrics } from './collect-metrics.js';

/** `orch-guard metrics`: tables of what the gates caught, task outcomes, times, and the trend per run. */
export function formatMetricsText(metrics: PipelineMetrics): string {
  const statuses = Object.entries(metrics.runs.byStatus).map(([status, count]) => `${count} ${status}`).join(', ');
  const lines = [`${metrics.runs.kept} run${metrics.runs.kept === 1 ? '' : 's'} kept (retention ${metrics.runs.retention})${statuses !== '' ? `: ${statuses}` : ''}`, ''];
  lines.push('Findings caught, by gate and rule', ...table(['gate', 'rule', 'blocking', 'pending', 'warning', 'blamed on'], metrics.findings.map((row) => [
    row.gate, row.rule, String(row.blocking), String(row.pending), String(row.warning),
    Object.entries(row.blamedOn).sort(([a], [b]) => a.localeCompare(b)).map(([task, count]) => `${task} ${count}`).join(', ') || '-',
  ])), '');
  lines.push('Tasks', ...table(['task', 'runs', 'passed', 'failed', 'blocked', 'timed out', 'skipped', 'retried', 'avg time'], metrics.tasks.map((row) => [
    row.task, String(row.runs), String(row.passed), String(row.failed), String(row.blocked), String(row.timedOut), String(row.skipped), String(row.retried), formatDuration(row.avgDurationMs),
  ])), '');
  lines.push('Time per phase', ...table(['phase', 'count', 'total', 'average'], metrics.phases.map((row) => [row.phase, String(row.count), formatDuration(row.totalMs), formatDuration(row.avgMs)])), '');
  lines.push('Time per wave or dependency level (first start to last end)', ...table(['wave', 'runs', 'average'], metrics.waves.map((row) => [String(row.wave), String(row.runs), formatDuration(row.avgMs)])), '');
  lines.push('Trend per run (at its validate gate)', ...table(['run', 'status', 'started', 'took', 'dead code', 'duplicates', 'blocked tasks'], metrics.trend.map((row) => [
    `#${row.run}`, row.status, row.startedAt, formatDuration(row.wallMs), String(row.deadCode), String(row.duplicates), String(row.blockedTasks),
  ])));
  return `${lines.join('\n')}\n`;
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  if (rows.length === 0) return ['  (none)'];
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  return all.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()}`);
}
