#!/usr/bin/env node
// Scheduling overhead of `orch-guard run`: a plan of no-op tasks (`true`), run without gates,
// timed from its own events.jsonl.
//
//   npm run bench:scheduling                       200 tasks in 4 waves, maxParallel 8, 3 runs
//   npm run bench:scheduling -- --tasks 400 --waves 8 --parallel 8 --runs 5
//   npm run bench:scheduling -- --monaco     also: the per-wave gate on monaco-editor, one file changed
//                                            (needs the corpus: npm run bench -- --corpus monaco)
//
// Two measures of the overhead per task:
// - against the tasks' own time: the run's wall time (first to last event) minus, per wave, the
//   longer of its longest attempt and the sum of its attempts spread over the slots (a lower
//   bound of any schedule). An attempt lasts from spawn to exit.
// - against a bare pool: the same waves run by a minimal Node script (spawn `/bin/sh -c true`,
//   at most maxParallel at once, wave after wave, nothing recorded), timed the same way. This is
//   the floor for any Node runner on this machine; the difference is what orch-guard adds
//   (state in SQLite, events.jsonl, logs, process groups, the progress lines).
// Both measures are taken for each schedule (`--schedule waves|dependencies|both`, default both).
// Then a plan where a barrier costs: `--slow <ms>` (default 1500) 4 chains of 4 tasks, each wave
// holding one slow task (in a different chain each time) and three of 100 ms, maxParallel 4:
// with waves every wave waits for its slow task (about 4 × slow); by dependencies each chain
// waits only for its own (about slow + 3 × 100 ms).
// It is a measurement, not a test: it exits 0 whatever the numbers are.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'dist/src/cli/bin.js');

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '200' },
    waves: { type: 'string', default: '4' },
    parallel: { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
    monaco: { type: 'boolean', default: false },
    schedule: { type: 'string', default: 'both' },
    slow: { type: 'string', default: '1500' },
  },
});
const taskCount = Number(values.tasks);
const waveCount = Number(values.waves);
const maxParallel = Number(values.parallel);
const runs = Number(values.runs);
if (![taskCount, waveCount, maxParallel, runs].every((n) => Number.isInteger(n) && n > 0) || waveCount > taskCount) {
  console.error('bench-scheduling: --tasks, --waves, --parallel and --runs take whole numbers > 0, and --waves <= --tasks');
  process.exit(2);
}

/** Tasks in `waveCount` layers; each task of a layer depends on one task of the layer before. */
function planSource(schedule) {
  const perWave = Math.ceil(taskCount / waveCount);
  const tasks = [];
  for (let index = 0; index < taskCount; index += 1) {
    const wave = Math.floor(index / perWave);
    const dependsOn = wave === 0 ? [] : [`t${(wave - 1) * perWave + (index % perWave)}`];
    tasks.push(`    { id: 't${index}', run: 'true'${dependsOn.length > 0 ? `, dependsOn: ${JSON.stringify(dependsOn)}` : ''} },`);
  }
  return `export default {\n  project: ['src/**'],\n  pipeline: {\n    schedule: '${schedule}',\n    maxParallel: ${maxParallel},\n    tasks: [\n${tasks.join('\n')}\n    ],\n  },\n};\n`;
}

function measure(schedule) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-guard-bench-scheduling-'));
  try {
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src/index.ts'), 'export {};\n');
    fs.writeFileSync(path.join(root, 'orch.config.mjs'), planSource(schedule));
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [CLI, 'run', '--no-gates', '--root', root], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    const processMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`orch-guard run exited ${result.status}:\n${result.stderr}${result.stdout.slice(-2000)}`);
    const events = fs.readFileSync(path.join(root, '.orch-guard/runs/1/events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const time = (type) => Date.parse(events.find((event) => event.type === type).time);
    const wallMs = time('run-finished') - time('run-started');
    const waveOf = new Map(events.find((event) => event.type === 'run-started').tasks.map((task) => [task.id, task.wave]));
    const byWave = new Map();
    for (const event of events.filter((entry) => entry.type === 'attempt-finished')) {
      const list = byWave.get(waveOf.get(event.task)) ?? [];
      list.push(event.durationMs);
      byWave.set(waveOf.get(event.task), list);
    }
    const taskBoundMs = [...byWave.values()].reduce((sum, list) => sum + Math.max(Math.max(...list), list.reduce((a, b) => a + b, 0) / maxParallel), 0);
    const attempts = [...byWave.values()].flat();
    return { processMs, wallMs, taskBoundMs, overheadPerTaskMs: (wallMs - taskBoundMs) / taskCount, meanAttemptMs: attempts.reduce((a, b) => a + b, 0) / attempts.length };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The same waves through a bare spawn pool, in a fresh Node process: its wall time in ms. */
function barePoolMs() {
  const perWave = Math.ceil(taskCount / waveCount);
  const script = `
    const { spawn } = require('node:child_process');
    const sizes = ${JSON.stringify(Array.from({ length: waveCount }, (_, wave) => Math.max(0, Math.min(perWave, taskCount - wave * perWave))))};
    const runOne = () => new Promise((resolve) => spawn('true', { shell: true, stdio: 'ignore', detached: true }).on('exit', resolve));
    async function wave(size) {
      let next = 0;
      const worker = async () => { while (next < size) { next += 1; await runOne(); } };
      await Promise.all(Array.from({ length: Math.min(${maxParallel}, size) }, worker));
    }
    (async () => {
      const started = performance.now();
      for (const size of sizes) await wave(size);
      process.stdout.write(String(performance.now() - started));
    })();`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bare pool failed: ${result.stderr}`);
  return Number(result.stdout);
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const schedules = values.schedule === 'both' ? ['waves', 'dependencies'] : [values.schedule];
for (const schedule of schedules) {
const results = Array.from({ length: runs }, () => {
  const run = measure(schedule);
  const poolMs = barePoolMs();
  return { ...run, poolMs, overheadVsPoolPerTaskMs: (run.wallMs - poolMs) / taskCount };
});
const row = (label, key, digits = 0) => `| ${label} | ${results.map((entry) => entry[key].toFixed(digits)).join(' | ')} | ${median(results.map((entry) => entry[key])).toFixed(digits)} |`;
console.log(`\nschedule ${schedule}: ${taskCount} no-op tasks in ${waveCount} waves, maxParallel ${maxParallel}, --no-gates, ${os.availableParallelism()} CPUs\n`);
console.log(`| measure | ${results.map((_, index) => `run ${index + 1}`).join(' | ')} | median |`);
console.log(`|---|${results.map(() => '---').join('|')}|---|`);
console.log(row('orch-guard process, start to exit (ms)', 'processMs'));
console.log(row('run, first to last event (ms)', 'wallMs'));
console.log(row('tasks alone, lower bound with the slots (ms)', 'taskBoundMs'));
console.log(row('mean attempt, spawn to exit (ms)', 'meanAttemptMs', 1));
console.log(row('**overhead per task, against the tasks\' own time (ms)**', 'overheadPerTaskMs', 2));
console.log(row('bare Node spawn pool, same waves (ms)', 'poolMs'));
console.log(row('**overhead per task, against the bare pool (ms)**', 'overheadVsPoolPerTaskMs', 2));
}

/** 4 chains × 4 waves; wave w's slow task is in chain w. Wall time (first to last event) per schedule. */
function slowPlanMs(schedule, slowMs) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-guard-bench-slow-'));
  try {
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src/index.ts'), 'export {};\n');
    const tasks = [];
    for (let wave = 0; wave < 4; wave += 1) {
      for (let chain = 0; chain < 4; chain += 1) {
        const seconds = (chain === wave ? slowMs : 100) / 1000;
        tasks.push(`    { id: 'w${wave}c${chain}', run: 'sleep ${seconds}'${wave > 0 ? `, dependsOn: ['w${wave - 1}c${chain}']` : ''} },`);
      }
    }
    fs.writeFileSync(path.join(root, 'orch.config.mjs'), `export default {\n  project: ['src/**'],\n  pipeline: {\n    schedule: '${schedule}',\n    maxParallel: 4,\n    tasks: [\n${tasks.join('\n')}\n    ],\n  },\n};\n`);
    const result = spawnSync(process.execPath, [CLI, 'run', '--no-gates', '--root', root], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    if (result.status !== 0) throw new Error(`orch-guard run exited ${result.status}:\n${result.stderr}`);
    const events = fs.readFileSync(path.join(root, '.orch-guard/runs/1/events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const time = (type) => Date.parse(events.find((event) => event.type === type).time);
    return time('run-finished') - time('run-started');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const slowMs = Number(values.slow);
const slowRows = ['waves', 'dependencies'].map((schedule) => [schedule, Array.from({ length: runs }, () => slowPlanMs(schedule, slowMs))]);
console.log(`\n16 tasks, 4 chains × 4 waves, one ${slowMs} ms task per wave (others 100 ms), maxParallel 4, --no-gates: wall time (ms)\n`);
console.log(`| schedule | ${Array.from({ length: runs }, (_, index) => `run ${index + 1}`).join(' | ')} | median |`);
console.log(`|---|${Array.from({ length: runs }, () => '---').join('|')}|---|`);
for (const [schedule, times] of slowRows) console.log(`| ${schedule} | ${times.join(' | ')} | ${median(times)} |`);

// ---------------------------------------------------------------------------------------------
// The per-wave gate on monaco-editor: a one-task plan whose task appends an export to one file;
// the registry is warm (a validate first), so the wave gate re-parses that file and analyses the
// whole project. Durations are the gates' own, from events.jsonl.

const MONACO_PROJECT = path.join(os.tmpdir(), 'orch-guard-bench/projects/monaco');
const MONACO_CONFIG = `export default {
  project: ['esm/**/*.js'],
  entries: ['esm/vs/index.js', 'esm/vs/editor/editor.main.js', 'esm/vs/editor/editor.api.js', 'esm/vs/editor/editor.worker.js', 'esm/vs/**/*.worker.js'],
  pipeline: {
    tasks: [{ id: 'touch', run: "printf '\\\\nexport const __touch%s = 1;\\\\n' $ORCH_GUARD_RUN_ID >> esm/vs/editor/common/core/range.js" }],
  },
};
`;

function measureMonacoGates() {
  if (!fs.existsSync(MONACO_PROJECT)) {
    console.error(`\n--monaco: ${MONACO_PROJECT} is missing: run \`npm run bench -- --corpus monaco --runs 1\` first`);
    process.exit(2);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'orch-guard-bench-gates-'));
  try {
    fs.cpSync(MONACO_PROJECT, root, { recursive: true });
    fs.rmSync(path.join(root, '.orch-guard'), { recursive: true, force: true });
    fs.writeFileSync(path.join(root, 'orch.config.mjs'), MONACO_CONFIG);
    spawnSync(process.execPath, [CLI, 'validate', '--root', root], { stdio: 'ignore' });
    const rows = [];
    for (let run = 1; run <= runs; run += 1) {
      const result = spawnSync(process.execPath, [CLI, 'run', '--root', root], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      if (result.status !== 0 && result.status !== 1) throw new Error(`orch-guard run exited ${result.status}:\n${result.stderr}`);
      const events = fs.readFileSync(path.join(root, '.orch-guard/runs', String(run), 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      rows.push(Object.fromEntries(events.filter((event) => event.type === 'gate').map((event) => [event.phase, event.durationMs])));
    }
    const files = spawnSync('find', [path.join(root, 'esm'), '-name', '*.js'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
    console.log(`\nmonaco-editor (${files} files), one file changed by the wave's task, warm registry: gate durations (ms)\n`);
    console.log(`| gate | ${rows.map((_, index) => `run ${index + 1}`).join(' | ')} | median |`);
    console.log(`|---|${rows.map(() => '---').join('|')}|---|`);
    for (const phase of ['plan', 'wave', 'validate', 'cleanup']) {
      const values = rows.map((row) => row[phase]);
      console.log(`| ${phase} | ${values.join(' | ')} | ${median(values)} |`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (values.monaco) measureMonacoGates();
