#!/usr/bin/env node
// Performance benchmark: orch-guard against knip (and fallow, when given) on real, pinned npm packages.
//
//   npm run bench                         all corpora, 3 runs each
//   npm run bench -- --corpus rxjs,zod --runs 5
//   FALLOW_BIN=/path/to/node_modules/fallow/bin/fallow npm run bench    (or --fallow <path>)
//
// fallow is never a dependency of orch-guard: give the path of an installed copy's bin script,
// or it is skipped with a notice.
//
// For each corpus the package is fetched once with `npm pack` into
// <os.tmpdir()>/orch-guard-bench/ (cached between runs), its source folder is copied into a
// project directory that both tools analyse with the same project files and the same entries,
// and each tool is timed as a separate process through /usr/bin/time (wall time, peak RSS).
// It is a measurement, not a test: it exits 0 whether or not the targets are met, and non-zero
// only when it could not measure (download, build or setup failed, bad options).
// docs/benchmark.md describes what is measured and why.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ORCH_GUARD_BIN = path.join(REPO_ROOT, 'dist/src/cli/bin.js');
const KNIP_BIN = path.join(REPO_ROOT, 'node_modules/knip/bin/knip.js');
const BENCH_DIR = path.join(os.tmpdir(), 'orch-guard-bench');
const TIME_BIN = '/usr/bin/time';

// Bump when the generated project layout changes, so cached project directories are rebuilt.
const SETUP_VERSION = 3;

// Appended to one source file for the "one file changed" measurement: a new, unused export is
// a real content change (new hash, new facts) that cannot break parsing.
const TOUCH_LINE = '\nexport const __benchTouch = 1;\n';

const TARGETS = { cold: 1.0, warm: 0.1, oneChange: 0.2, hook: 0.15, rss: 1.5 };

// Staged for the hook measurement (a previous commit, then the measured one): other lines than
// TOUCH_LINE, so their blobs are new to the registry.
const HOOK_LINES = ['\nexport const __benchHookPrevious = 1;\n', '\nexport const __benchHook = 1;\n'];

/**
 * The corpora. `folder` is the package's source folder, copied under the same name, so a path
 * in the project is the same path in the package. Entries are the package.json `exports`
 * targets mapped back to source; wildcard exports that would make every file public
 * (rxjs `./internal/*`, monaco `./*`) are left out, or nothing could ever be unused.
 */
const CORPORA = {
  rxjs: {
    pkg: 'rxjs',
    version: '7.8.2',
    folder: 'src',
    extension: '.ts',
    entries: [
      'src/index.ts',
      'src/operators/index.ts',
      'src/ajax/index.ts',
      'src/fetch/index.ts',
      'src/testing/index.ts',
      'src/webSocket/index.ts',
    ],
    touch: 'src/internal/operators/mergeInternals.ts',
  },
  zod: {
    pkg: 'zod',
    version: '4.6.7',
    folder: 'src',
    extension: '.ts',
    // The `@zod/source` condition of each export, plus the test folders: orch-guard counts
    // files in `tests/` as entries on its own, so knip is told the same.
    entries: [
      'src/index.ts',
      'src/mini/index.ts',
      'src/compile.ts',
      'src/locales/index.ts',
      'src/v3/index.ts',
      'src/v4/index.ts',
      'src/v4-mini/index.ts',
      'src/v4/mini/index.ts',
      'src/v4/core/index.ts',
      'src/v4/locales/*.ts',
      'src/**/tests/**/*.ts',
    ],
    // The tests import the package by name (`zod/v4`); map those to source for both tools,
    // as zod's own repository does, instead of leaving them unresolved.
    paths: {
      zod: ['./src/index.ts'],
      'zod/mini': ['./src/mini/index.ts'],
      'zod/locales': ['./src/locales/index.ts'],
      'zod/v3': ['./src/v3/index.ts'],
      'zod/v4': ['./src/v4/index.ts'],
      'zod/v4-mini': ['./src/v4-mini/index.ts'],
      'zod/v4/mini': ['./src/v4/mini/index.ts'],
      'zod/v4/core': ['./src/v4/core/index.ts'],
      'zod/v4/locales': ['./src/v4/locales/index.ts'],
      'zod/v4/locales/*': ['./src/v4/locales/*'],
    },
    touch: 'src/v4/core/errors.ts',
  },
  effect: {
    pkg: 'effect',
    version: '3.22.4',
    folder: 'src',
    extension: '.ts',
    // Every top-level module is a public export (`effect/Array` → src/Array.ts); src/internal/
    // is not exported.
    entries: ['src/*.ts'],
    touch: 'src/internal/cause.ts',
  },
  monaco: {
    pkg: 'monaco-editor',
    version: '0.57.0',
    folder: 'esm',
    extension: '.js',
    // `exports["."]`, `module`, the editor API and the web-worker scripts (loaded by URL, so
    // no import reaches them).
    entries: [
      'esm/vs/index.js',
      'esm/vs/editor/editor.main.js',
      'esm/vs/editor/editor.api.js',
      'esm/vs/editor/editor.worker.js',
      'esm/vs/**/*.worker.js',
    ],
    touch: 'esm/vs/editor/common/core/range.js',
  },
};

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: Object.keys(CORPORA).join(',') },
      runs: { type: 'string', default: '3' },
      timeout: { type: 'string', default: '10' },
      'no-build': { type: 'boolean', default: false },
      fallow: { type: 'string', default: process.env.FALLOW_BIN ?? '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run bench -- [--corpus rxjs,zod,effect,monaco] [--runs 3] [--timeout 10] [--no-build]\n' +
        '  --timeout  minutes allowed for one command (default 10)\n' +
        '  --no-build skip `npm run build` before measuring\n' +
        '  --fallow   path of fallow\'s bin script (default: $FALLOW_BIN; fallow is skipped without it)',
    );
    process.exit(0);
  }
  const corpora = values.corpus.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = corpora.filter((name) => !(name in CORPORA));
  if (unknown.length > 0) fail(`unknown corpus: ${unknown.join(', ')} (known: ${Object.keys(CORPORA).join(', ')})`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got ${values.runs}`);
  const timeoutMinutes = Number(values.timeout);
  if (!(timeoutMinutes > 0)) fail(`--timeout must be a positive number of minutes, got ${values.timeout}`);
  return { corpora, runs, timeoutMs: timeoutMinutes * 60_000, build: !values['no-build'], fallow: values.fallow === '' ? undefined : path.resolve(values.fallow) };
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Running commands

/** Runs a short helper command (npm, tar, build) and throws with its output when it fails. */
function runChecked(command, args, { cwd, timeoutMs, what }) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  if (result.error || result.status !== 0) {
    const reason = result.error
      ? result.error.code === 'ETIMEDOUT'
        ? `timed out after ${timeoutMs / 1000}s`
        : result.error.message
      : `exit code ${result.status}`;
    throw new Error(`${what} failed (${reason}): ${command} ${args.join(' ')}\n${(result.stderr || '').trim()}`);
  }
  return result.stdout;
}

const hasGnuTime = spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
let activeChild = null;
// Undoes the one-change edit if the benchmark is interrupted (Ctrl-C) while it is in place.
let restoreOnInterrupt = null;

/**
 * Runs `node <args>` as its own process group and returns wall time (s), CPU time (s), peak RSS
 * (MB), exit code and output. CPU time and peak RSS come from GNU time (`%U %S %M`: user + system
 * seconds and the maximum resident set of the node process, worker threads included); CPU time
 * is reported because it moves far less than wall time when something else loads the machine.
 * Without /usr/bin/time, VmHWM is polled from /proc and CPU time is not known.
 * A command that outlives `timeoutMs` is killed with its whole group.
 */
function measureNode(args, { cwd, timeoutMs }) {
  const timeFile = path.join(BENCH_DIR, `time-${process.pid}.txt`);
  const [command, commandArgs] = hasGnuTime
    ? [TIME_BIN, ['-f', '%U %S %M', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, commandArgs, {
      cwd,
      detached: true, // own process group, so a timeout kills node and not only /usr/bin/time
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    activeChild = child;
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));

    let polledPeakKb = 0;
    const poll = hasGnuTime ? null : setInterval(() => (polledPeakKb = Math.max(polledPeakKb, readVmHwmKb(child.pid))), 20);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);

    child.on('close', (code, signal) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      activeChild = null;
      let peakKb = polledPeakKb;
      let cpuS = NaN;
      if (hasGnuTime) {
        // The file holds "Command exited with non-zero status N" before the numbers when node fails.
        const lines = readIfExists(timeFile).trim().split('\n');
        const [user, system, maxRss] = lines[lines.length - 1].split(' ').map(Number);
        cpuS = user + system;
        peakKb = maxRss || 0;
        fs.rmSync(timeFile, { force: true });
      }
      resolve({
        wallS,
        cpuS,
        rssMb: peakKb / 1024,
        exitCode: code,
        signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

function readVmHwmKb(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readIfExists(`/proc/${pid}/status`));
  return match ? Number(match[1]) : 0;
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus download and project setup

/** Fetches the pinned tarball once (npm pack) and extracts it; later runs reuse both. */
function fetchPackage(corpus, timeoutMs) {
  const downloads = path.join(BENCH_DIR, 'downloads');
  const tarball = path.join(downloads, `${corpus.pkg.replace('@', '').replace('/', '-')}-${corpus.version}.tgz`);
  const extracted = path.join(BENCH_DIR, 'packages', `${corpus.pkg.replace('/', '__')}@${corpus.version}`);
  const packageDir = path.join(extracted, 'package');
  if (fs.existsSync(path.join(packageDir, 'package.json'))) return packageDir;

  fs.mkdirSync(downloads, { recursive: true });
  if (!fs.existsSync(tarball)) {
    console.log(`  downloading ${corpus.pkg}@${corpus.version} (npm pack)…`);
    try {
      runChecked('npm', ['pack', `${corpus.pkg}@${corpus.version}`, '--pack-destination', downloads, '--loglevel=error'], {
        cwd: downloads,
        timeoutMs,
        what: `downloading ${corpus.pkg}@${corpus.version}`,
      });
    } catch (error) {
      throw new Error(`${error.message}\nIs the npm registry reachable? Retry, or pre-place the tarball at ${tarball}.`);
    }
    if (!fs.existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
  }
  // Extract into a scratch directory first, so an interrupted extraction is never taken as done.
  const scratch = `${extracted}.partial`;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  runChecked('tar', ['-xzf', tarball, '-C', scratch], { timeoutMs, what: `extracting ${tarball}` });
  fs.rmSync(extracted, { recursive: true, force: true });
  fs.renameSync(scratch, extracted);
  return packageDir;
}

/**
 * Creates <bench>/projects/<name>/ with the package's source folder, a package.json without
 * main/exports/dependencies (so neither tool derives entries of its own) and a tsconfig.json;
 * knip's config is <name>.knip.json beside the folder, given with --config: inside the root,
 * orch-guard would take it as the project's knip config and run knip for its entries. The same
 * entry and project globs go to orch-guard on the command line.
 */
function setUpProject(name, corpus, packageDir) {
  const projectDir = path.join(BENCH_DIR, 'projects', name);
  const stamp = `${projectDir}.setup.json`;
  const signature = JSON.stringify({ SETUP_VERSION, corpus });
  const source = path.join(packageDir, corpus.folder);
  if (!fs.existsSync(source)) {
    throw new Error(`${corpus.pkg}@${corpus.version} does not ship ${corpus.folder}/ (see \`npm pack --dry-run ${corpus.pkg}@${corpus.version}\`)`);
  }
  if (!fs.existsSync(path.join(packageDir, corpus.touch))) {
    throw new Error(`${corpus.pkg}@${corpus.version} has no ${corpus.touch} to change for the one-change run`);
  }

  if (readIfExists(stamp) !== signature) {
    fs.rmSync(projectDir, { recursive: true, force: true });
    fs.mkdirSync(projectDir, { recursive: true });
    fs.cpSync(source, path.join(projectDir, corpus.folder), { recursive: true });
    writeJson(path.join(projectDir, 'package.json'), {
      name: `bench-${name}`,
      version: '0.0.0',
      private: true,
      type: 'module',
    });
    writeJson(knipConfigOf(projectDir), { entry: corpus.entries, project: projectGlobs(corpus) });
    // fallow analyses every source file under the root (only the corpus folder is there).
    writeJson(path.join(projectDir, '.fallowrc.json'), { entry: corpus.entries });
    writeJson(path.join(projectDir, 'tsconfig.json'), {
      compilerOptions: {
        target: 'esnext',
        module: 'esnext',
        moduleResolution: 'bundler',
        allowJs: true,
        noEmit: true,
        ...(corpus.paths ? { paths: corpus.paths } : {}),
      },
    });
    fs.writeFileSync(stamp, signature);
  }
  // A run killed during the one-change measurement may have left the touched file changed.
  restoreTouchedFile(projectDir, packageDir, corpus);
  return { projectDir, files: countProjectFiles(path.join(projectDir, corpus.folder), corpus.extension) };
}

function projectGlobs(corpus) {
  return [`${corpus.folder}/**/*${corpus.extension}`];
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function countProjectFiles(dir, extension) {
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countProjectFiles(path.join(dir, entry.name), extension);
    else if (entry.name.endsWith(extension) && !entry.name.endsWith('.d.ts')) count += 1;
  }
  return count;
}

function touchFile(projectDir, corpus) {
  fs.appendFileSync(path.join(projectDir, corpus.touch), TOUCH_LINE);
}

function restoreTouchedFile(projectDir, packageDir, corpus) {
  fs.copyFileSync(path.join(packageDir, corpus.touch), path.join(projectDir, corpus.touch));
}

// ---------------------------------------------------------------------------------------------
// The measurements

function knipArgs(projectDir, cached) {
  // Without --cache knip writes no cache and does a full analysis every time.
  const cache = cached ? ['--cache', '--cache-location', path.join(projectDir, '.knip-cache')] : [];
  return [KNIP_BIN, '--config', knipConfigOf(projectDir), '--reporter', 'json', '--no-progress', '--no-config-hints', ...cache];
}

/** knip's config for a bench project: beside its folder, not inside the root orch-guard reads. */
function knipConfigOf(projectDir) {
  return `${projectDir}.knip.json`;
}

function orchGuardArgs(projectDir, corpus) {
  return [
    ORCH_GUARD_BIN,
    'validate',
    '--root',
    projectDir,
    '--entry',
    ...corpus.entries,
    '--project',
    ...projectGlobs(corpus),
    '--reporter',
    'json',
  ];
}

/** knip exits 1 when it finds issues and orch-guard when it finds errors; 2+ or a signal is a failure. */
function checkRun(tool, result, command) {
  if (result.timedOut) return `${tool} timed out after ${result.wallS.toFixed(0)} s and was killed\n    command: node ${command.join(' ')}`;
  if (result.signal) return `${tool} was killed by ${result.signal}`;
  if (result.exitCode !== 0 && result.exitCode !== 1) {
    return `${tool} exited ${result.exitCode}\n    command: node ${command.join(' ')}\n${indent(result.stderr.trim() || result.stdout.trim().slice(0, 4000))}`;
  }
  return null;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}

/** knip without a cache (the reference of the ratios), then with --cache: warm and one file changed. */
async function measureKnip(state, timeoutMs) {
  const { projectDir, packageDir, corpus } = state;
  const summarize = (stdout) => ({ counts: countKnipIssues(JSON.parse(stdout)) });
  const args = knipArgs(projectDir, false);
  if (!record(state, 'knip', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
  const cachedArgs = knipArgs(projectDir, true);
  fs.rmSync(path.join(projectDir, '.knip-cache'), { recursive: true, force: true });
  if (!record(state, 'knipFill', await measureNode(cachedArgs, { cwd: projectDir, timeoutMs }), cachedArgs, summarize)) return;
  if (!record(state, 'knipWarm', await measureNode(cachedArgs, { cwd: projectDir, timeoutMs }), cachedArgs, summarize)) return;
  touchFile(projectDir, corpus);
  try {
    record(state, 'knipOneChange', await measureNode(cachedArgs, { cwd: projectDir, timeoutMs }), cachedArgs, summarize);
  } finally {
    restoreTouchedFile(projectDir, packageDir, corpus);
  }
}

/**
 * fallow: cold (no cache directory), warm (its cache filled), one file changed, and its hook-like
 * path (`fallow audit` of the one changed file against HEAD). fallow exits 1 on findings.
 */
async function measureFallow(state, timeoutMs, fallowBin) {
  const { projectDir, packageDir, corpus } = state;
  const args = [fallowBin, 'dead-code', '--format', 'json'];
  const summarize = (stdout) => ({ counts: JSON.parse(stdout).summary });
  fs.rmSync(path.join(projectDir, '.fallow'), { recursive: true, force: true });
  if (!record(state, 'fallowCold', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
  if (!record(state, 'fallowWarm', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
  touchFile(projectDir, corpus);
  try {
    if (!record(state, 'fallowOneChange', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
    ensureGitRepository(projectDir);
    const auditArgs = [fallowBin, 'audit', '--base', 'HEAD', '--format', 'json'];
    record(state, 'fallowHook', await measureNode(auditArgs, { cwd: projectDir, timeoutMs }), auditArgs, (stdout) => ({ counts: { verdict: JSON.parse(stdout).verdict ?? '?' } }));
  } finally {
    restoreTouchedFile(projectDir, packageDir, corpus);
  }
}

/** Cold, warm and one-change back to back: each phase depends on the registry the previous left. */
async function measureOrchGuard(state, timeoutMs) {
  const { projectDir, packageDir, corpus } = state;
  const args = orchGuardArgs(projectDir, corpus);
  const summarize = (stdout) => JSON.parse(stdout).summary;

  fs.rmSync(path.join(projectDir, '.orch-guard'), { recursive: true, force: true });
  if (!record(state, 'cold', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
  if (!record(state, 'warm', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
  touchFile(projectDir, corpus);
  try {
    if (!record(state, 'oneChange', await measureNode(args, { cwd: projectDir, timeoutMs }), args, summarize)) return;
  } finally {
    restoreTouchedFile(projectDir, packageDir, corpus);
  }
  // The pre-commit hook's path, as on every commit but the first after a checkout: the previous
  // commit went through the hook (so its findings are in the registry as the new HEAD's), then one
  // changed file is staged and `validate --staged` runs. The commit is undone afterwards.
  ensureGitRepository(projectDir);
  const hookArgs = [...args.slice(0, 2), '--staged', ...args.slice(2)];
  const git = (...gitArgs) => runChecked('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...gitArgs], { cwd: projectDir, timeoutMs, what: `git ${gitArgs[0]}` });
  let committed = false;
  try {
    fs.appendFileSync(path.join(projectDir, corpus.touch), HOOK_LINES[0]);
    git('add', '--', corpus.touch);
    const previous = await measureNode(hookArgs, { cwd: projectDir, timeoutMs });
    if (checkRun('orch-guard hook (previous commit)', previous, hookArgs)) return record(state, 'hook', previous, hookArgs, summarize);
    git('commit', '-q', '--no-verify', '-m', 'previous commit');
    committed = true;
    fs.appendFileSync(path.join(projectDir, corpus.touch), HOOK_LINES[1]);
    git('add', '--', corpus.touch);
    record(state, 'hook', await measureNode(hookArgs, { cwd: projectDir, timeoutMs }), hookArgs, summarize);
  } finally {
    if (committed) git('reset', '-q', '--soft', 'HEAD~1');
    git('reset', '-q', '--', corpus.touch);
    restoreTouchedFile(projectDir, packageDir, corpus);
  }
}

/** The project as a git repository with everything committed, once: `--staged` reads the index. */
function ensureGitRepository(projectDir) {
  if (fs.existsSync(path.join(projectDir, '.git'))) return;
  fs.writeFileSync(path.join(projectDir, '.gitignore'), '.orch-guard/\n.fallow/\n.knip-cache/\n');
  const git = (...args) => runChecked('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: projectDir, timeoutMs: 120_000, what: `git ${args[0]}` });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'corpus');
}

/** Stores one measurement and its parsed report; returns false when the run failed. */
function record(state, phase, result, args, parseReport) {
  const tool = /^(knip|fallow)/.test(phase) ? phase : `orch-guard ${phase}`;
  const error = checkRun(tool, result, args);
  const stderr = result.stderr.trim();
  if (stderr) state.stderr[phase] = stderr; // notices, warnings: shown once in the report
  if (error) {
    state.errors.push(error);
    console.log(`    ${tool}: FAILED`);
    return false;
  }
  let report;
  try {
    report = parseReport(result.stdout);
  } catch (parseError) {
    state.errors.push(`${tool}: could not parse its JSON output (${parseError.message}): ${result.stdout.slice(0, 300)}`);
    return false;
  }
  state.samples[phase].push({ wallS: result.wallS, cpuS: result.cpuS, rssMb: result.rssMb });
  state.reports[phase].push(report);
  console.log(
    `    ${tool.padEnd(21)} ${fmt(result.wallS).padStart(7)} s wall ${fmt(result.cpuS).padStart(7)} s cpu ${fmt(result.rssMb, 0).padStart(6)} MB`,
  );
  return true;
}

function countKnipIssues(report) {
  const counts = {};
  for (const issue of report.issues ?? []) {
    for (const [type, list] of Object.entries(issue)) {
      if (Array.isArray(list) && list.length > 0) counts[type] = (counts[type] ?? 0) + list.length;
    }
  }
  return counts;
}

async function benchmarkCorpus(name, options) {
  const corpus = CORPORA[name];
  console.log(`\n${name}: ${corpus.pkg}@${corpus.version} (${corpus.folder}/)`);
  const packageDir = fetchPackage(corpus, options.timeoutMs);
  const { projectDir, files } = setUpProject(name, corpus, packageDir);
  console.log(`  project ${projectDir}: ${files} ${corpus.extension} files, ${corpus.entries.length} entry globs`);

  const state = {
    name,
    corpus,
    files,
    projectDir,
    packageDir,
    samples: Object.fromEntries(ALL_PHASES.map((phase) => [phase, []])),
    reports: Object.fromEntries(ALL_PHASES.map((phase) => [phase, []])),
    stderr: {},
    errors: [],
  };
  restoreOnInterrupt = () => restoreTouchedFile(projectDir, packageDir, corpus);
  for (let run = 1; run <= options.runs; run += 1) {
    console.log(`  run ${run}/${options.runs}`);
    // Alternate which tool goes first, so drift (thermal, page cache, neighbours) hits both.
    const knipFirst = run % 2 === 1;
    if (knipFirst) await measureKnip(state, options.timeoutMs);
    await measureOrchGuard(state, options.timeoutMs);
    if (options.fallow !== undefined) await measureFallow(state, options.timeoutMs, options.fallow);
    if (!knipFirst) await measureKnip(state, options.timeoutMs);
    if (state.errors.length > 0) break; // a crash repeats; report it instead of repeating it
  }
  restoreOnInterrupt = null;
  for (const dir of ['.orch-guard', '.fallow', '.knip-cache']) fs.rmSync(path.join(projectDir, dir), { recursive: true, force: true });
  return state;
}

// ---------------------------------------------------------------------------------------------
// Report

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function stat(state, phase, field) {
  return median(state.samples[phase].map((sample) => sample[field]));
}

function fmt(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

function ratio(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : '-';
}

function ratioCell(value, target) {
  if (!Number.isFinite(value)) return '-';
  return `${ratio(value)} ${value <= target ? 'ok' : 'MISS'}`;
}

function printTable(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printReport(states, options) {
  console.log(`\n=== orch-guard vs knip: median of ${options.runs} run(s), wall seconds and peak RSS ===`);
  console.log(
    `node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, knip ${knipVersion()}, orch-guard ${gitRevision()}` +
      `, peak RSS via ${hasGnuTime ? '/usr/bin/time %M' : '/proc VmHWM polling'}`,
  );
  printTable(
    ['corpus', 'files', 'knip s', 'og cold s', 'og warm s', 'og 1-chg s', 'og hook s', 'cold/knip', 'warm/knip', '1-chg/knip', 'hook/knip', 'knip MB', 'og cold MB', 'RSS ratio'],
    states.map((state) => {
      const knip = stat(state, 'knip', 'wallS');
      const knipRss = stat(state, 'knip', 'rssMb');
      const cold = stat(state, 'cold', 'wallS');
      const warm = stat(state, 'warm', 'wallS');
      const oneChange = stat(state, 'oneChange', 'wallS');
      const hook = stat(state, 'hook', 'wallS');
      const coldRss = stat(state, 'cold', 'rssMb');
      return [
        state.name,
        state.files,
        fmt(knip),
        fmt(cold),
        fmt(warm),
        fmt(oneChange),
        fmt(hook),
        ratioCell(cold / knip, TARGETS.cold),
        ratioCell(warm / knip, TARGETS.warm),
        ratioCell(oneChange / knip, TARGETS.oneChange),
        ratioCell(hook / knip, TARGETS.hook),
        fmt(knipRss, 0),
        fmt(coldRss, 0),
        ratioCell(coldRss / knipRss, TARGETS.rss),
      ];
    }),
  );
  console.log(
    `targets: cold <= ${TARGETS.cold}x knip, warm <= ${TARGETS.warm}x, one-change <= ${TARGETS.oneChange}x, hook (validate --staged, one file) <= ${TARGETS.hook}x, peak RSS (cold) <= ${TARGETS.rss}x`,
  );

  const phases = ['knip', 'cold', 'warm', 'oneChange', 'hook'];
  console.log('\nwall time spread (min-max s); a wide spread means something else loaded the machine:');
  printTable(
    ['corpus', 'knip', 'og cold', 'og warm', 'og 1-chg', 'og hook'],
    states.map((state) => [state.name, ...phases.map((phase) => spread(state.samples[phase]))]),
  );
  console.log('\nCPU time (user+sys s, median; both tools use several threads, so it can exceed wall) and peak RSS (median MB):');
  printTable(
    ['corpus', 'knip cpu', 'cold cpu', 'warm cpu', '1-chg cpu', 'hook cpu', 'cold/knip', 'knip MB', 'cold MB', 'warm MB', '1-chg MB', 'hook MB'],
    states.map((state) => [
      state.name,
      ...phases.map((phase) => fmt(stat(state, phase, 'cpuS'))),
      ratio(stat(state, 'cold', 'cpuS') / stat(state, 'knip', 'cpuS')),
      ...phases.map((phase) => fmt(stat(state, phase, 'rssMb'), 0)),
    ]),
  );

  printToolTable(states, options);

  console.log('\nfindings (sanity check: every tool analysed the files):');
  for (const state of states) {
    const knip = state.reports.knip.at(-1);
    const [cold, warm, oneChange] = ['cold', 'warm', 'oneChange'].map((phase) => state.reports[phase].at(-1));
    console.log(`  ${state.name}`);
    if (knip) console.log(`    knip:       ${describeCounts(knip.counts)}`);
    const fallow = state.reports.fallowCold.at(-1);
    if (fallow) console.log(`    fallow:     ${describeCounts(Object.fromEntries(Object.entries(fallow.counts ?? {}).filter(([, count]) => count > 0)))}`);
    if (cold) {
      console.log(`    orch-guard: ${cold.files} files, ${cold.findings} findings (${describeCounts(cold.byRule)})`);
      // The cache must not change the answer: a warm run reports what the cold one did. The
      // one-change run may add `__benchTouch` (one more unused export) unless an entry re-exports it.
      console.log(`                warm run ${warm?.findings ?? '-'} findings, one-change run ${oneChange?.findings ?? '-'}`);
      if (warm && warm.findings !== cold.findings) console.log(`    MISMATCH: warm run found ${warm.findings}, cold ${cold.findings}`);
    }
    for (const [phase, text] of Object.entries(state.stderr)) {
      const lines = text.split('\n');
      console.log(`    stderr of ${phase} (${lines.length} line(s)):`);
      console.log(indent(lines.slice(0, 12).join('\n')));
    }
    for (const error of state.errors) console.log(`    ERROR: ${error}`);
  }
}

function spread(samples) {
  if (samples.length === 0) return '-';
  const values = samples.map((sample) => sample.wallS);
  return `${fmt(Math.min(...values))}-${fmt(Math.max(...values))}`;
}

function describeCounts(counts) {
  const entries = Object.entries(counts ?? {});
  return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${key} ${count}`).join(', ');
}

/** Wall times mean little while other work competes for the cores; say so next to the numbers. */
function warnIfBusy(when) {
  const [load1] = os.loadavg();
  const cores = os.cpus().length;
  const note = load1 > cores * 0.5 ? ' - the machine is busy, wall times will be noisy (compare CPU times)' : '';
  console.log(`load average ${when}: ${load1.toFixed(2)} on ${cores} cores${note}`);
}

/** Each tool's phases, as rows of the side-by-side table ('-' where a tool has no such path). */
const TOOL_PHASES = {
  'orch-guard': { cold: 'cold', warm: 'warm', oneChange: 'oneChange', hook: 'hook' },
  knip: { cold: 'knip', warm: 'knipWarm', oneChange: 'knipOneChange', hook: undefined },
  fallow: { cold: 'fallowCold', warm: 'fallowWarm', oneChange: 'fallowOneChange', hook: 'fallowHook' },
};
const ALL_PHASES = ['knip', 'knipFill', 'knipWarm', 'knipOneChange', 'cold', 'warm', 'oneChange', 'hook', 'fallowCold', 'fallowWarm', 'fallowOneChange', 'fallowHook'];

/** orch-guard, knip and fallow side by side: wall and CPU medians of each path, peak RSS of the cold run. */
function printToolTable(states, options) {
  console.log('\nside by side (median wall s / CPU s; knip warm and one-change use --cache; knip has no hook mode; fallow hook = `fallow audit --base HEAD`):');
  const cell = (state, phase) => (phase === undefined || state.samples[phase].length === 0 ? '-' : `${fmt(stat(state, phase, 'wallS'))} / ${fmt(stat(state, phase, 'cpuS'))}`);
  const rows = [];
  for (const state of states) {
    for (const [tool, phases] of Object.entries(TOOL_PHASES)) {
      if (tool === 'fallow' && options.fallow === undefined) continue;
      const coldWall = stat(state, phases.cold, 'wallS');
      rows.push([state.name, tool, cell(state, phases.cold), cell(state, phases.warm), cell(state, phases.oneChange), cell(state, phases.hook),
        fmt(stat(state, phases.cold, 'rssMb'), 0), ratio(coldWall / stat(state, 'knip', 'wallS')), ratio(stat(state, phases.cold, 'cpuS') / stat(state, 'knip', 'cpuS'))]);
    }
  }
  printTable(['corpus', 'tool', 'cold', 'warm', '1-chg', 'hook', 'cold MB', 'cold/knip wall', 'cold/knip cpu'], rows);
}

function fallowVersion(bin) {
  const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'version unknown';
}

function knipVersion() {
  return JSON.parse(readIfExists(path.join(REPO_ROOT, 'node_modules/knip/package.json')) || '{}').version ?? '?';
}

function gitRevision() {
  const result = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '(no git)';
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions();
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  process.on('SIGINT', () => {
    if (activeChild) killGroup(activeChild);
    restoreOnInterrupt?.();
    process.exit(130);
  });

  if (options.build) {
    console.log('building orch-guard (npm run build)…');
    runChecked('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, timeoutMs: options.timeoutMs, what: 'npm run build' });
  }
  if (!fs.existsSync(ORCH_GUARD_BIN)) fail(`${ORCH_GUARD_BIN} is missing: run npm run build`);
  if (!fs.existsSync(KNIP_BIN)) fail(`${KNIP_BIN} is missing: run npm ci`);
  if (options.fallow === undefined) console.log('fallow: not measured (set FALLOW_BIN or --fallow <path of fallow/bin/fallow>)');
  else if (!fs.existsSync(options.fallow)) {
    console.log(`fallow: not measured (${options.fallow} does not exist)`);
    options.fallow = undefined;
  } else console.log(`fallow: ${options.fallow} (${fallowVersion(options.fallow)})`);
  console.log(`bench directory ${BENCH_DIR}, ${options.runs} run(s) per measurement, timeout ${options.timeoutMs / 60_000} min per command`);
  warnIfBusy('before');

  const states = [];
  for (const name of options.corpora) {
    try {
      states.push(await benchmarkCorpus(name, options));
    } catch (error) {
      console.error(`\nbench: ${name}: ${error.message}`);
      process.exitCode = 1;
    }
  }
  if (states.length > 0) printReport(states, options);
  warnIfBusy('after');
  const resultsFile = path.join(BENCH_DIR, 'last-results.json');
  writeJson(resultsFile, states.map(({ name, files, samples, reports, errors }) => ({ name, files, samples, reports, errors })));
  console.log(`\nraw samples: ${resultsFile}`);
}

await main();
