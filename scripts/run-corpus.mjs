#!/usr/bin/env node
// Runs orch-guard, knip and fallow with zero config on each checkout of the corpus
// (scripts/prepare-corpus.mjs) and keeps their JSON output, exit code and wall time.
//
//   node scripts/run-corpus.mjs --corpus /work/corpus --label baseline [--only a,b] [--tools orch-guard,knip]
//        [--knip <knip bin>] [--fallow <fallow bin>] [--orch-guard <bin.js>]
//
// Writes <corpus>/results/<label>/<name>/<tool>.json (stdout) and .stderr, and
// <corpus>/results/<label>/runs.json. A run is a crash when it exits 2 or more, is killed by a
// signal or the timeout, or prints no JSON. Runs are sequential; with GNU time at /usr/bin/time
// each run also records user+system CPU time and peak RSS (wall times on a shared machine are
// only comparable within one run of this script).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TIME_BIN = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '/work/corpus' },
    label: { type: 'string', default: 'baseline' },
    only: { type: 'string' },
    tools: { type: 'string', default: 'orch-guard,knip,fallow' },
    'orch-guard': { type: 'string', default: path.join(REPO_ROOT, 'dist/src/cli/bin.js') },
    knip: { type: 'string', default: path.join(REPO_ROOT, 'node_modules/.bin/knip') },
    fallow: { type: 'string', default: '/work/tools/node_modules/.bin/fallow' },
    'timeout-minutes': { type: 'string', default: '15' },
  },
});

/** The zero-config command of each tool for a project root: JSON on stdout, nothing cached. */
const COMMANDS = {
  'orch-guard': (root) => ['node', [values['orch-guard'], 'validate', '--root', root, '--reporter', 'json', '--no-cache']],
  knip: (root) => [values.knip, ['--directory', root, '--reporter', 'json', '--no-progress']],
  fallow: (root) => [values.fallow, ['dead-code', '--root', root, '--format', 'json', '--no-cache', '--quiet']],
};

function run(command, args, cwd, stdoutFile, stderrFile) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const stdout = fs.openSync(stdoutFile, 'w');
    const stderr = fs.openSync(stderrFile, 'w');
    // GNU time adds CPU time and peak RSS, steadier than wall time on a shared machine.
    const timeFile = `${stderrFile}.time`;
    const timed = fs.existsSync(TIME_BIN) ? [TIME_BIN, ['-f', '%U %S %M', '-o', timeFile, command, ...args]] : [command, args];
    const child = spawn(timed[0], timed[1], { cwd, stdio: ['ignore', stdout, stderr], detached: true, env: { ...process.env, NO_COLOR: '1' } });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL');
    }, Number(values['timeout-minutes']) * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(stdout);
      fs.closeSync(stderr);
      const [user, system, rssKb] = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
      fs.rmSync(timeFile, { force: true });
      const cpu = user === undefined || Number.isNaN(user) ? {} : { cpuMs: Math.round((user + system) * 1000), peakRssMb: Math.round(rssKb / 1024) };
      resolve({ exitCode: code, signal, timedOut, wallMs: Number(process.hrtime.bigint() - started) / 1e6, ...cpu });
    });
  });
}

function printsJson(file) {
  try {
    JSON.parse(fs.readFileSync(file, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

const names = fs.readdirSync(values.corpus).filter((name) => fs.existsSync(path.join(values.corpus, name, 'package.json')));
const only = values.only ? new Set(values.only.split(',')) : undefined;
const outDir = path.join(values.corpus, 'results', values.label);
const runsFile = path.join(outDir, 'runs.json');
const runs = fs.existsSync(runsFile) ? JSON.parse(fs.readFileSync(runsFile, 'utf8')) : [];
for (const name of names.filter((item) => !only || only.has(item))) {
  const root = path.join(values.corpus, name);
  fs.mkdirSync(path.join(outDir, name), { recursive: true });
  for (const tool of values.tools.split(',')) {
    const [command, args] = COMMANDS[tool](root);
    // A cold run: no registry left by an earlier run of another orch-guard build.
    if (tool === 'orch-guard') fs.rmSync(path.join(root, '.orch-guard'), { recursive: true, force: true });
    const stdoutFile = path.join(outDir, name, `${tool}.json`);
    const result = await run(command, args, root, stdoutFile, path.join(outDir, name, `${tool}.stderr`));
    const json = printsJson(stdoutFile);
    const crashed = result.timedOut || result.signal !== null || result.exitCode >= 2 || !json;
    const record = { name, tool, ...result, json, crashed, at: new Date().toISOString() };
    runs.splice(0, runs.length, ...runs.filter((item) => item.name !== name || item.tool !== tool), record);
    fs.writeFileSync(runsFile, JSON.stringify(runs, null, 2));
    console.log(`${name.padEnd(20)} ${tool.padEnd(10)} exit ${result.exitCode ?? result.signal}${crashed ? ' CRASH' : ''} ${(result.wallMs / 1000).toFixed(1)} s wall, ${((result.cpuMs ?? 0) / 1000).toFixed(1)} s CPU, ${result.peakRssMb ?? '?'} MB`);
  }
}
