import { type ChildProcess, spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { commitAll, createGitRepo } from '../support/git-repo.js';
import { CLI, type CliResult } from '../support/run-cli.js';
import { writeTempProject } from '../support/temp-project.js';

/**
 * The CLI under test. ORCH_GUARD_FAULTS_CLI points the fault suite at another build (for
 * example the one before a fix) to measure what it did there.
 */
export const FAULT_CLI = process.env.ORCH_GUARD_FAULTS_CLI ?? CLI;

export interface StartedCli {
  child: ChildProcess;
  result: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts the CLI as a real process (its own process group, so a test can kill it alone). */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): StartedCli {
  // An older build has no --unverified (it cleaned up unverified without asking): measure it as it was.
  const given = process.env.ORCH_GUARD_FAULTS_CLI === undefined ? args : args.filter((arg) => arg !== '--unverified');
  const child = spawn(process.execPath, [FAULT_CLI, ...given], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  // A hang is a failure too: it is ended after the time limit and reported as such.
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const result = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, signal, stdout, stderr });
    });
  });
  return { child, result };
}

export function runFaultCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return startCli(args, options).result;
}

/** Every file under `dir` (not .git, not .orch-guard) as bytes, mode and symlink target. */
export function snapshotTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative)).sort()) {
      if (name === '.git' || name === '.orch-guard') continue;
      const child = relative === '' ? name : `${relative}/${name}`;
      const absolute = path.join(dir, child);
      const stat = lstatSync(absolute);
      if (stat.isSymbolicLink()) tree[child] = `symlink -> ${readlinkSync(absolute)}`;
      else if (stat.isDirectory()) visit(child);
      else tree[child] = `${(stat.mode & 0o7777).toString(8)} ${readFileSync(absolute).toString('base64')}`;
    }
  };
  visit('');
  return tree;
}

/** Polls until `check` holds (or fails after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A temp project (with `git: true`, a git repository with the files committed), removed after `work`. */
export async function withFaultProject(files: Record<string, string>, work: (root: string) => Promise<void>, options: { git?: boolean } = {}): Promise<void> {
  const root = options.git === true ? createGitRepo(files) : writeTempProject(files);
  try {
    if (options.git === true) commitAll(root, 'initial');
    await work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
