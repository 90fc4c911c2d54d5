import type { PipelineMetrics } from './collect-metrics.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart as inline SVG: one bar per label, stacked by series. */
function barChart(title: string, rows: ReadonlyArray<{ label: string; values: number[] }>, series: readonly string[], colors: readonly string[]): string {
  const max = Math.max(1, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  const height = rows.length * 22 + 30;
  const bars = rows.map((row, index) => {
    let x = 200;
    const y = index * 22 + 24;
    const parts = row.values.map((value, part) => {
      const width = (value / max) * 480;
      const rect = value > 0 ? `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="16" fill="${colors[part]}"><title>${escape(`${series[part]}: ${value}`)}</title></rect>` : '';
      x += width;
      return rect;
    }).join('');
    return `<text x="195" y="${y + 12}" text-anchor="end">${escape(row.label)}</text>${parts}<text x="${(x + 4).toFixed(1)}" y="${y + 12}">${row.values.reduce((sum, value) => sum + value, 0)}</text>`;
  }).join('');
  const legend = series.map((name, index) => `<tspan fill="${colors[index]}">■</tspan> ${escape(name)}`).join('  ');
  return `<h2>${escape(title)}</h2><svg width="760" height="${height}" font-size="12" font-family="sans-serif"><text x="200" y="12">${legend}</text>${bars}</svg>`;
}

/** `orch-guard metrics --reporter html`: one self-contained page (inline SVG charts, no script) a lead opens in a browser. */
export function formatMetricsHtml(metrics: PipelineMetrics): string {
  const palette = ['#c0392b', '#e67e22', '#2980b9', '#27ae60', '#8e44ad', '#7f8c8d'];
  const charts = [
    barChart('Dead code and duplicates per run (validate gate)', metrics.trend.map((row) => ({ label: `run #${row.run} (${row.status})`, values: [row.deadCode, row.duplicates] })), ['dead code', 'duplicates'], palette),
    barChart('Findings caught, by gate and rule', metrics.findings.map((row) => ({ label: `${row.gate} ${row.rule}`, values: [row.blocking, row.pending, row.warning] })), ['blocking', 'pending', 'warning'], palette),
    barChart('Findings blamed, by task', blamedByTask(metrics), ['blamed findings'], palette),
    barChart('Task outcomes', metrics.tasks.map((row) => ({ label: row.task, values: [row.failed, row.blocked, row.timedOut, row.passed, row.skipped] })), ['failed', 'blocked', 'timed out', 'passed', 'skipped'], palette),
    barChart('Time per phase (ms, total)', metrics.phases.map((row) => ({ label: row.phase, values: [row.totalMs] })), ['ms'], ['#2980b9']),
  ];
  const data = escape(JSON.stringify(metrics));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>orch-guard metrics</title>
<style>body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}</style></head>
<body><h1>orch-guard metrics: ${metrics.runs.kept} runs kept (retention ${metrics.runs.retention})</h1>
${charts.join('\n')}
<details><summary>data (JSON)</summary><pre>${data}</pre></details>
</body></html>
`;
}

function blamedByTask(metrics: PipelineMetrics): Array<{ label: string; values: number[] }> {
  const totals = new Map<string, number>();
  for (const row of metrics.findings) for (const [task, count] of Object.entries(row.blamedOn)) totals.set(task, (totals.get(task) ?? 0) + count);
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([task, count]) => ({ label: task, values: [count] }));
}
