import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'dist/src/cli/bin.js');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, without colour, and collects its output. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A throwaway copy of a fixture project (tests never write into fixtures/). */
export function copyFixture(relativeDir: string): string {
  const target = mkdtempSync(path.join(tmpdir(), 'orch-guard-test-'));
  // A registry left in the fixture by running orch-guard on it (the README's quick start does)
  // would make the copy's first run warm: tests start from the fixture's sources only.
  cpSync(path.join(FIXTURES, relativeDir), target, { recursive: true, verbatimSymlinks: true, filter: (source) => path.basename(source) !== '.orch-guard' });
  return target;
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
