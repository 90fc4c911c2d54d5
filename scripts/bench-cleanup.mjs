#!/usr/bin/env node
// Cleanup on real code: inject 50 pieces of dead code into a real package's sources, run
// `orch-guard cleanup --fix` (with its verification: tsc --noEmit), and check that exactly the
// injected code is gone and the project still type-checks.
//
//   npm run bench:cleanup                    rxjs and zod
//   npm run bench:cleanup -- --corpus zod
//
// Needs the corpora of the benchmark (npm run bench -- --corpus rxjs,zod --runs 1), in
// <os.tmpdir()>/orch-guard-bench/projects/. Each run works on a copy, in a fresh git repository.
// Findings the package already has are accepted with `orch-guard baseline save` first, so the
// cleanup may remove only what was injected. The 50 injected pieces:
//   15 dead exported functions appended to live modules                       (unused-export)
//   10 dead local functions in live modules                                    (dead-code)
//    5 pairs of local functions that call each other, in live modules         (dead cycle)
//   10 clusters: a new file using a new file, whose helper sits in a live module (unused-file ×2 + unused-export)
//   10 cycles: two new files importing each other                            (unused-file ×2)
// It exits 0 when every check held, 1 when one did not, 2 when it could not measure.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(REPO_ROOT, 'dist/src/cli/bin.js');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const PROJECTS = path.join(os.tmpdir(), 'orch-guard-bench/projects');

// How each package type-checks, as in its own repository: rxjs 7 with its TypeScript (5.x;
// TypeScript 7's lib.dom rejects one of its WebSocket calls), zod without its tests and
// benchmarks (they need vitest, benchmark and @types/node, which the package does not ship).
const CORPORA = {
  rxjs: {
    typescript: '5.4.5',
    entries: ['src/index.ts', 'src/operators/index.ts', 'src/ajax/index.ts', 'src/fetch/index.ts', 'src/testing/index.ts', 'src/webSocket/index.ts'],
  },
  zod: {
    typeCheckExclude: ['src/**/tests/**', 'src/v3/benchmarks/**'],
    entries: [
      'src/index.ts', 'src/mini/index.ts', 'src/compile.ts', 'src/locales/index.ts', 'src/v3/index.ts', 'src/v4/index.ts',
      'src/v4-mini/index.ts', 'src/v4/mini/index.ts', 'src/v4/core/index.ts', 'src/v4/locales/*.ts', 'src/**/tests/**/*.ts',
    ],
  },
};

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'rxjs,zod' } } });
const names = values.corpus.split(',').map((name) => name.trim()).filter(Boolean);
for (const name of names) {
  if (!(name in CORPORA)) fail(`unknown corpus ${name} (known: ${Object.keys(CORPORA).join(', ')})`);
  if (!fs.existsSync(path.join(PROJECTS, name))) fail(`${path.join(PROJECTS, name)} is missing: run \`npm run bench -- --corpus ${name} --runs 1\` first`);
}

function fail(message) {
  console.error(`bench-cleanup: ${message}`);
  process.exit(2);
}

/** A TypeScript release, fetched once with npm pack into the bench directory: its package folder. */
function typescriptRelease(version) {
  const dir = path.join(os.tmpdir(), `orch-guard-bench/typescript-${version}`);
  if (!fs.existsSync(path.join(dir, 'package/bin/tsc'))) {
    fs.mkdirSync(dir, { recursive: true });
    const pack = run('npm', ['pack', `typescript@${version}`, '--silent'], dir);
    if (pack.status !== 0) fail(`npm pack typescript@${version}: ${pack.stderr}`);
    const untar = run('tar', ['xzf', pack.stdout.trim().split('\n').at(-1)], dir);
    if (untar.status !== 0) fail(`tar: ${untar.stderr}`);
  }
  return path.join(dir, 'package');
}

function run(command, args, cwd, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, CI: 'true', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function git(cwd, ...args) {
  const result = run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], cwd);
  if (result.status !== 0) fail(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Every file under dir, relative, posix, sorted. */
function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.name === '.git' || entry.name === '.orch-guard' || entry.name === 'node_modules') return [];
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  }).sort();
}

/**
 * Modules some file re-exports whole (`export * from`, `export * as ns from`): an export added to
 * one can be public API through an entry's barrel, so it would not be dead.
 */
function wholeReexported(root, files) {
  const targets = new Set();
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(/export\s*\*\s*(?:as\s+\w+\s*)?from\s*['"](\.[^'"]+)['"]/g)) {
      const base = path.posix.join(path.posix.dirname(file), match[1]).replace(/\.js$/, '');
      for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) targets.add(candidate);
    }
  }
  return targets;
}

/**
 * The live modules to inject into: production .ts files no finding names, not entries and not
 * re-exported whole (an export there could be public), spread over the tree.
 */
function liveModules(root, baselineFindings) {
  const flagged = new Set(baselineFindings.map((finding) => finding.file));
  const public_ = wholeReexported(root, listFiles(root).filter((file) => file.endsWith('.ts')));
  const candidates = listFiles(root).filter((file) => file.startsWith('src/') && file.endsWith('.ts') && !file.endsWith('.d.ts')
    && !/(^|\/)(tests?|__tests__)\//.test(file) && !/\.(test|spec)\.ts$/.test(file) && !flagged.has(file) && !public_.has(file)
    // Not an entry: an entry's exports are public API, never unused.
    && !/\/index\.ts$/.test(file) && file !== 'src/compile.ts' && !file.startsWith('src/v4/locales/'));
  const step = Math.max(1, Math.floor(candidates.length / 40));
  return candidates.filter((_, index) => index % step === 0).slice(0, 40);
}

/** Appends the injected code; returns what was injected, for the report. */
function inject(root, modules) {
  const appended = new Map();
  const append = (file, text) => appended.set(file, `${appended.get(file) ?? ''}${text}`);
  const injected = [];
  let next = 0;
  const module = () => modules[next++ % modules.length];
  for (let i = 0; i < 15; i += 1) {
    const file = module();
    append(file, `\nexport function __ogDeadExport${i}(value: number): number {\n  return value * ${i + 2};\n}\n`);
    injected.push(`unused export __ogDeadExport${i} in ${file}`);
  }
  for (let i = 0; i < 10; i += 1) {
    const file = module();
    append(file, `\nfunction __ogDeadLocal${i}(label: string): string {\n  return label.repeat(${i + 1});\n}\n`);
    injected.push(`dead local __ogDeadLocal${i} in ${file}`);
  }
  for (let i = 0; i < 5; i += 1) {
    const file = module();
    append(file, `\nfunction __ogCycleA${i}(n: number): number {\n  return n > 0 ? __ogCycleB${i}(n - 1) : 0;\n}\n\nfunction __ogCycleB${i}(n: number): number {\n  return __ogCycleA${i}(n) + 1;\n}\n`);
    injected.push(`dead in-file cycle __ogCycleA${i} ↔ __ogCycleB${i} in ${file}`);
  }
  fs.mkdirSync(path.join(root, 'src/__og_dead'), { recursive: true });
  for (let i = 0; i < 10; i += 1) {
    const file = module();
    const fromDead = path.posix.relative('src/__og_dead', file).replace(/\.ts$/, '.js');
    append(file, `\nexport function __ogClusterHelper${i}(items: readonly number[]): number {\n  return items.reduce((sum, item) => sum + item, ${i});\n}\n`);
    fs.writeFileSync(path.join(root, `src/__og_dead/cluster${i}-a.ts`), `import { __ogClusterLeaf${i} } from './cluster${i}-b.js';\n\nexport function __ogClusterRoot${i}(): number {\n  return __ogClusterLeaf${i}() * 2;\n}\n`);
    fs.writeFileSync(path.join(root, `src/__og_dead/cluster${i}-b.ts`), `import { __ogClusterHelper${i} } from '${fromDead.startsWith('.') ? fromDead : `./${fromDead}`}';\n\nexport function __ogClusterLeaf${i}(): number {\n  return __ogClusterHelper${i}([1, 2, 3]);\n}\n`);
    injected.push(`dead cluster cluster${i}-a.ts → cluster${i}-b.ts → __ogClusterHelper${i} in ${file}`);
  }
  for (let i = 0; i < 10; i += 1) {
    fs.writeFileSync(path.join(root, `src/__og_dead/cycle${i}-a.ts`), `import { __ogCycleFileB${i} } from './cycle${i}-b.js';\n\nexport function __ogCycleFileA${i}(n: number): number {\n  return n > 0 ? __ogCycleFileB${i}(n - 1) : 0;\n}\n`);
    fs.writeFileSync(path.join(root, `src/__og_dead/cycle${i}-b.ts`), `import { __ogCycleFileA${i} } from './cycle${i}-a.js';\n\nexport function __ogCycleFileB${i}(n: number): number {\n  return __ogCycleFileA${i}(n) + 1;\n}\n`);
    injected.push(`dead file cycle cycle${i}-a.ts ↔ cycle${i}-b.ts`);
  }
  for (const [file, text] of appended) fs.appendFileSync(path.join(root, file), text);
  return { injected, touchedModules: appended.size };
}

function measure(name) {
  const corpus = CORPORA[name];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `orch-guard-bench-cleanup-${name}-`));
  try {
    fs.cpSync(path.join(PROJECTS, name), root, { recursive: true });
    fs.rmSync(path.join(root, '.orch-guard'), { recursive: true, force: true });
    fs.rmSync(path.join(root, 'knip.json'), { force: true });
    fs.writeFileSync(path.join(root, 'orch.config.mjs'), `export default ${JSON.stringify({ project: ['src/**/*.ts'], entries: corpus.entries }, null, 2)};\n`);
    fs.writeFileSync(path.join(root, '.gitignore'), '.orch-guard/\nnode_modules\n');
    // The project's own TypeScript, where it has one: the cleanup verifies with it, as tsc below.
    let tsc = TSC;
    if (corpus.typescript !== undefined) {
      fs.mkdirSync(path.join(root, 'node_modules'));
      fs.symlinkSync(typescriptRelease(corpus.typescript), path.join(root, 'node_modules/typescript'));
      tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    }
    if (corpus.typeCheckExclude !== undefined) {
      const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
      fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ ...tsconfig, include: ['src'], exclude: corpus.typeCheckExclude }, null, 2));
    }
    const original = new Map(listFiles(root).map((file) => [file, fs.readFileSync(path.join(root, file))]));
    const tscBefore = run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], root);

    const baseline = run(process.execPath, [CLI, 'baseline', 'save'], root);
    if (baseline.status !== 0) fail(`${name}: baseline save exited ${baseline.status}: ${baseline.stderr}`);
    const before = JSON.parse(run(process.execPath, [CLI, 'validate', '--no-baseline', '--reporter', 'json'], root).stdout).findings;
    const { injected, touchedModules } = inject(root, liveModules(root, before));
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'injected');
    const flagged = JSON.parse(run(process.execPath, [CLI, 'validate', '--reporter', 'json'], root).stdout).findings;

    const cleanup = run(process.execPath, [CLI, 'cleanup', '--fix'], root);
    const tscAfter = run(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], root);
    const validateAfter = run(process.execPath, [CLI, 'validate', '--reporter', 'json'], root);

    const now = listFiles(root).filter((file) => file !== 'orch-guard-baseline.json');
    const leftovers = now.filter((file) => fs.readFileSync(path.join(root, file), 'utf8').includes('__og'));
    const leftoverLines = leftovers.flatMap((file) => fs.readFileSync(path.join(root, file), 'utf8').split('\n').map((line, index) => [file, index + 1, line]).filter(([, , line]) => line.includes('__og')));
    const added = now.filter((file) => !original.has(file));
    const missing = [...original.keys()].filter((file) => !now.includes(file));
    let identical = 0;
    let identicalButTrailingSpace = 0;
    const changed = [];
    for (const file of now.filter((entry) => original.has(entry))) {
      const after = fs.readFileSync(path.join(root, file));
      if (after.equals(original.get(file))) identical += 1;
      else if (after.toString('utf8').trimEnd() === original.get(file).toString('utf8').trimEnd()) identicalButTrailingSpace += 1;
      else changed.push(file);
    }
    const checks = {
      'cleanup --fix exited 0': cleanup.status === 0,
      'no injected name is left': leftovers.length === 0,
      'no injected file is left': added.length === 0,
      'no original file was deleted': missing.length === 0,
      'every original file is as it was (modulo trailing blank lines)': changed.length === 0,
      'tsc --noEmit passed before': tscBefore.status === 0,
      'tsc --noEmit passes after': tscAfter.status === 0,
      'validate finds nothing new after': validateAfter.status === 0,
    };
    return {
      name, files: original.size, injected: injected.length, touchedModules, flagged: flagged.length,
      cleanupSeconds: cleanup.seconds, cleanupOutput: cleanup.stdout + cleanup.stderr,
      leftoverLines, tscBefore: tscBefore.status, tscAfter: tscAfter.status, identical, identicalButTrailingSpace, changed, leftovers, added, missing, checks,
      baselined: before.length, typescript: corpus.typescript === undefined ? 'TypeScript 7' : `TypeScript ${corpus.typescript}, the project's own`,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

let allHeld = true;
for (const name of names) {
  const result = measure(name);
  console.log(`\n=== ${name}: ${result.files} files, ${result.baselined} findings already there (baselined), ${result.injected} dead pieces injected into ${result.touchedModules} live modules and 40 new files`);
  console.log(`validate flagged ${result.flagged} findings after the injection`);
  console.log(`cleanup --fix (analysis, edits, tsc verification, record): ${result.cleanupSeconds.toFixed(2)} s wall`);
  console.log(result.cleanupOutput.split('\n').filter((line) => /^(Applied|Cleanup|Verification|  [✔✘]|Kept)/.test(line)).map((line) => `  | ${line}`).join('\n'));
  console.log(`tsc --noEmit (${result.typescript}) exit: before ${result.tscBefore}, after ${result.tscAfter}`);
  console.log(`original files byte-identical: ${result.identical}, identical but for trailing blank lines: ${result.identicalButTrailingSpace}, changed: ${result.changed.length}`);
  for (const [check, held] of Object.entries(result.checks)) {
    console.log(`  ${held ? '✔' : '✘'} ${check}`);
    allHeld &&= held;
  }
  for (const [file, line, text] of result.leftoverLines.slice(0, 10)) console.log(`  left: ${file}:${line}: ${text.trim()}`);
  for (const [label, list] of [['changed', result.changed], ['injected code left in', result.leftovers], ['left over', result.added], ['deleted', result.missing]]) {
    if (list.length > 0) console.log(`  ${label}: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ` (+${list.length - 10})` : ''}`);
  }
}
process.exit(allHeld ? 0 : 1);
