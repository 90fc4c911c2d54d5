#!/usr/bin/env node
// Tallies judged samples into false-positive tables (markdown on stdout).
//
//   node scripts/tally-verdicts.mjs --corpus /work/corpus --label baseline --seed 11
//
// Reads the sample (<corpus>/judging/<label>-seed<seed>/samples.json, scripts/sample-findings.mjs),
// the runs (<corpus>/results/<label>/runs.json, scripts/run-corpus.mjs) and the verdicts
// (<corpus>/verdicts.tsv). Prints per repository and tool: findings, sampled, judged, false,
// the false-positive rate among judged findings, unsure, exit code, crash, wall and CPU time; then the
// causes of false findings per tool, grouped, with a count and one example each.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_OPTIONS, readVerdictFiles } from './corpus-findings.mjs';

const { values } = parseArgs({ options: SAMPLE_OPTIONS });

const TOOLS = ['orch-guard', 'knip', 'fallow'];
const samples = JSON.parse(fs.readFileSync(path.join(values.corpus, 'judging', `${values.label}-seed${values.seed}`, 'samples.json'), 'utf8'));
const runs = JSON.parse(fs.readFileSync(path.join(values.corpus, 'results', values.label, 'runs.json'), 'utf8'));
const verdicts = readVerdictFiles(values);
const percent = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

const lines = [`| repository | tool | findings | sampled | judged | false | FP rate | low conf. (false) | FP rate, high conf. | unsure | exit | crash | wall s | CPU s |`, '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
const totals = Object.fromEntries(TOOLS.map((tool) => [tool, { judged: 0, false: 0, crashes: 0, repos: 0, wall: 0 }]));
const causes = Object.fromEntries(TOOLS.map((tool) => [tool, new Map()]));
for (const repo of [...new Set(runs.map((run) => run.name))].sort()) {
  for (const tool of TOOLS) {
    const run = runs.find((item) => item.name === repo && item.tool === tool);
    if (!run) continue;
    const sample = samples.filter((item) => item.repo === repo && item.tool === tool);
    const judged = sample.filter((item) => verdicts[item.key] && verdicts[item.key].verdict !== 'unsure');
    const falses = judged.filter((item) => verdicts[item.key].verdict === 'FP');
    const unsure = sample.filter((item) => verdicts[item.key]?.verdict === 'unsure').length;
    // orch-guard marks findings that depend on an entry it could not map as low confidence:
    // cleanup and the hook leave them alone, so the rate among the others is shown apart.
    const low = judged.filter((item) => item.confidence === 'low');
    const lowFalse = falses.filter((item) => item.confidence === 'low').length;
    const highRate = percent(falses.length - lowFalse, judged.length - low.length);
    for (const item of falses) {
      const cause = verdicts[item.key].cause || '(no cause written)';
      const entry = causes[tool].get(cause) ?? { count: 0, example: `${repo}: ${item.rule} \`${item.file}${item.symbol ? `#${item.symbol}` : ''}\`` };
      entry.count += 1;
      causes[tool].set(cause, entry);
    }
    const total = totals[tool];
    total.judged += judged.length;
    total.false += falses.length;
    total.crashes += run.crashed ? 1 : 0;
    total.repos += 1;
    total.wall += run.wallMs / 1000;
    const findings = sample[0]?.total ?? (run.crashed ? '–' : 0);
    lines.push(`| ${repo} | ${tool} | ${findings} | ${sample.length} | ${judged.length} | ${falses.length} | ${percent(falses.length, judged.length)} | ${low.length} (${lowFalse}) | ${highRate} | ${unsure} | ${run.exitCode ?? run.signal} | ${run.crashed ? 'yes' : ''} | ${(run.wallMs / 1000).toFixed(1)} | ${run.cpuMs === undefined ? '–' : (run.cpuMs / 1000).toFixed(1)} |`);
  }
}
lines.push('', '| tool | repositories | judged | false | FP rate (pooled) | crashes | total wall s |', '|---|---|---|---|---|---|---|');
for (const tool of TOOLS) {
  const total = totals[tool];
  lines.push(`| ${tool} | ${total.repos} | ${total.judged} | ${total.false} | ${percent(total.false, total.judged)} | ${total.crashes} | ${total.wall.toFixed(1)} |`);
}
for (const tool of TOOLS) {
  lines.push('', `### Causes of false findings: ${tool}`, '', '| count | cause | example |', '|---|---|---|');
  for (const [cause, entry] of [...causes[tool]].sort((a, b) => b[1].count - a[1].count)) lines.push(`| ${entry.count} | ${cause} | ${entry.example} |`);
}
console.log(lines.join('\n'));
