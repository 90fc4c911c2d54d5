#!/usr/bin/env node
// Checks out the real-project corpus (scripts/corpus.json) at its pinned commits.
//
//   node scripts/prepare-corpus.mjs --mirror /work/.mirror --out /work/corpus [--only a,b]
//        [--install [--pnpm <pnpm bin>]]   (default pnpm: npx pnpm@8 or @10 by lockfile version)
//
// Each repository must already be a git directory under the mirror folder, at
// <mirror>/<owner>+<name>/repo (bare) or <mirror>/<owner>+<name> (a clone or a bare dir): this
// script uses no network. Each one becomes <out>/<name>, a git checkout of the pinned commit
// (a clone sharing the mirror's objects, so `git ls-files` and .gitignore work as in a user's
// clone). A checkout that exists is reset to the pinned commit and cleaned of untracked and
// ignored files (tool caches; node_modules is kept), so every run starts from the same tree.
// With --install, dependencies are installed from the repository's lockfile (npm ci, pnpm
// install or yarn 1 install, the npm registry being the only network used) with --ignore-scripts: no install or
// prepare script of theirs runs. knip needs them (it loads config files such as vite.config.ts).
// docs/benchmark.md describes the corpus and the method.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?|vue|astro|svelte)$/;

const { values } = parseArgs({
  options: {
    mirror: { type: 'string', default: '/work/.mirror' },
    out: { type: 'string', default: '/work/corpus' },
    only: { type: 'string' },
    install: { type: 'boolean', default: false },
    pnpm: { type: 'string' },
  },
});

function git(args, options = {}) {
  const result = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${(result.stderr || '').trim()}`);
  return result.stdout;
}

/** The mirror's git directory for owner/name, or undefined when it has not been fetched. */
function findMirror(repo) {
  const base = path.join(values.mirror, repo.replace('/', '+'));
  for (const candidate of [path.join(base, 'repo'), base]) {
    const probe = spawnSync('git', ['--git-dir', candidate, 'rev-parse', '--git-dir'], { encoding: 'utf8' });
    if (fs.existsSync(candidate) && probe.status === 0) return candidate;
  }
  return undefined;
}

/** Paths of the commit whose blobs the mirror does not hold. */
function missingBlobs(mirror, commit) {
  const tree = git(['--git-dir', mirror, 'ls-tree', '-r', '-z', commit]).split('\0').filter(Boolean);
  const entries = tree.map((line) => line.match(/^\d+ blob ([0-9a-f]+)\t(.*)$/s)).filter(Boolean);
  const input = entries.map((match) => match[1]).join('\n') + '\n';
  const answers = git(['--git-dir', mirror, 'cat-file', '--batch-check'], { input }).split('\n');
  return entries.filter((_, index) => answers[index].endsWith(' missing')).map((match) => match[2]);
}

/** The pnpm that reads the lockfile: pnpm 8 for lockfile v6, else pnpm 10 (11 needs Node 22). */
function pnpmCommand(target) {
  if (values.pnpm) return [values.pnpm, []];
  const version = fs.readFileSync(path.join(target, 'pnpm-lock.yaml'), 'utf8').match(/lockfileVersion: '?(\d+)/)?.[1];
  return ['npx', ['--yes', version === '6' ? 'pnpm@8' : 'pnpm@10']];
}

/**
 * Installs dependencies from the lockfile without running any of the project's scripts.
 * `installSkip` names packages the registry no longer serves (or that pull a git dependency the
 * install cannot fetch): they are left out of a temporary
 * package.json for the install (npm install instead of npm ci), then package.json is restored.
 */
function install(target, entry) {
  const skip = entry.installSkip ?? [];
  let command;
  let args;
  if (fs.existsSync(path.join(target, 'pnpm-lock.yaml'))) {
    const [pnpm, prefix] = pnpmCommand(target);
    command = pnpm;
    // With packages to skip the manifest no longer matches the lockfile: pnpm resolves again,
    // keeping every other locked version, and the lockfile is put back afterwards.
    args = [...prefix, 'install', skip.length ? '--no-frozen-lockfile' : '--frozen-lockfile', '--ignore-scripts', '--config.confirmModulesPurge=false',
      '--config.manage-package-manager-versions=false', '--config.package-manager-strict=false'];
  } else if (fs.existsSync(path.join(target, 'yarn.lock')) && /^__metadata:/m.test(fs.readFileSync(path.join(target, 'yarn.lock'), 'utf8'))) {
    // A Yarn Berry lockfile: the Yarn release packageManager names (from the npm registry as
    // @yarnpkg/cli-dist), installing as locked and building nothing (no install scripts).
    const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).packageManager?.match(/^yarn@(\d[\w.-]*)/)?.[1] ?? '4';
    command = 'npx';
    args = ['--yes', '-p', `@yarnpkg/cli-dist@${version}`, 'yarn', 'install', skip.length ? '--no-immutable' : '--immutable', '--mode=skip-build'];
  } else if (fs.existsSync(path.join(target, 'yarn.lock')) && !fs.existsSync(path.join(target, 'package-lock.json'))) {
    // A yarn v1 lockfile (`# yarn lockfile v1`): yarn 1 installs it as locked.
    command = 'npx';
    args = ['--yes', 'yarn@1', 'install', '--frozen-lockfile', '--ignore-scripts', '--non-interactive', '--ignore-engines'];
  } else {
    command = 'npm';
    // No lockfile at all (a repository that sets package-lock=false): npm install resolves the
    // manifest's ranges, so this checkout is pinned by commit but not by dependency versions.
    const locked = fs.existsSync(path.join(target, 'package-lock.json'));
    args = [skip.length || !locked ? 'install' : 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--engine-strict=false'];
    if (skip.length) args.push('--no-save');
  }
  // Every tracked manifest (workspace packages too) drops the skipped packages for the install.
  const manifests = git(['-C', target, 'ls-files', 'package.json', '**/package.json']).split('\n').filter(Boolean);
  for (const file of skip.length ? manifests : []) {
    const manifestFile = path.join(target, file);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const listed = skip.filter((name) => ['dependencies', 'devDependencies', 'optionalDependencies'].some((field) => manifest[field]?.[name]));
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) for (const name of listed) delete manifest[field]?.[name];
    if (listed.length) fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  }
  // YARN_IGNORE_PATH: the repository's own yarnPath release is not used (the one above is).
  const options = { cwd: target, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: '1', YARN_IGNORE_PATH: '1', YARN_ENABLE_SCRIPTS: 'false' } };
  let result = spawnSync(command, args, options);
  if (result.status !== 0 && /ERR_PNPM_LOCKFILE_CONFIG_MISMATCH/.test(result.stdout + result.stderr)) {
    // A lockfile written by a newer pnpm (settings it reads elsewhere): resolve again, keeping
    // the locked versions where pnpm can, then put the lockfile back as it was.
    console.error(`${entry.name}: the lockfile's settings do not match this pnpm; installing with --no-frozen-lockfile`);
    result = spawnSync(command, args.map((arg) => (arg === '--frozen-lockfile' ? '--no-frozen-lockfile' : arg)), options);
    git(['-C', target, 'checkout', '--', '.']);
  }
  if (result.status !== 0 && command === 'npm' && /can only install packages when your package\.json and package-lock\.json/.test(result.stdout + result.stderr)) {
    // A lockfile another npm wrote (optional platform packages it left out): install what it
    // locks with `npm install`, then put the lockfile back as it was.
    console.error(`${entry.name}: package-lock.json is not in sync for this npm; installing with npm install --no-save`);
    result = spawnSync(command, ['install', ...args.slice(1).filter((arg) => arg !== '--no-save'), '--no-save'], options);
    git(['-C', target, 'checkout', '--', 'package-lock.json']);
  }
  // Puts back the manifests and lockfile as committed (an install changes no other tracked file).
  if (skip.length) git(['-C', target, 'checkout', '--', '.']);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
}

function checkout(entry) {
  const mirror = findMirror(entry.repo);
  if (!mirror) throw new Error(`${entry.repo} is not in ${values.mirror}: fetch github:${entry.repo} first`);
  git(['--git-dir', mirror, 'cat-file', '-e', `${entry.commit}^{commit}`]);
  const target = path.join(values.out, entry.name);
  if (!fs.existsSync(path.join(target, '.git'))) {
    fs.rmSync(target, { recursive: true, force: true });
    git(['clone', '--quiet', '--shared', '--no-checkout', mirror, target]);
  }
  const missing = missingBlobs(mirror, entry.commit);
  if (missing.length) {
    // The mirror may lack large blobs (images over the snapshot's size limit): check out the
    // rest, and say so when a source file is among them.
    git(['-C', target, 'sparse-checkout', 'set', '--no-cone', '/*', ...missing.map((file) => `!/${file}`)]);
    const source = missing.filter((file) => SOURCE_FILE.test(file));
    console.error(`${entry.name}: ${missing.length} files missing from the mirror are not checked out${source.length ? ` (source files: ${source.join(', ')})` : ''}`);
  }
  git(['-C', target, '-c', 'advice.detachedHead=false', 'checkout', '--quiet', '--force', '--detach', entry.commit]);
  git(['-C', target, 'clean', '--quiet', '-fdx', '-e', 'node_modules']);
  if (values.install) install(target, entry);
  const files = git(['-C', target, 'ls-files']).split('\n').filter((file) => SOURCE_FILE.test(file));
  return { target, sourceFiles: files.length };
}

const corpus = JSON.parse(fs.readFileSync(path.join(SCRIPT_DIR, 'corpus.json'), 'utf8')).repositories;
const only = values.only ? new Set(values.only.split(',')) : undefined;
fs.mkdirSync(values.out, { recursive: true });
let failed = 0;
console.log('| name | kind | repository | commit | source files |\n|---|---|---|---|---|');
for (const entry of corpus.filter((item) => !only || only.has(item.name))) {
  try {
    const { sourceFiles } = checkout(entry);
    console.log(`| ${entry.name} | ${entry.kind} | ${entry.repo} | \`${entry.commit.slice(0, 12)}\` | ${sourceFiles} |`);
  } catch (error) {
    failed += 1;
    console.error(`${entry.name}: ${error.message}`);
  }
}
process.exitCode = failed ? 1 : 0;
