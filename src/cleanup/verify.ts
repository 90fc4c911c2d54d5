import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How long one verification command may run before it counts as failed. */
const VERIFY_TIMEOUT_MS = 15 * 60 * 1000;
const OUTPUT_TAIL = 4000;

export interface VerificationStep {
  command: string;
  ok: boolean;
  /** The end of its output, for the report. */
  output: string;
  durationMs: number;
}

/**
 * The verification cleanup must pass: `tsc --noEmit` when the root has a tsconfig.json, then
 * the configured `cleanup.verify` commands (the project's tests). The type check uses the
 * project's own TypeScript when it has one (its config is written for that version), else
 * TypeScript 7, the fast native compiler orch-guard ships with.
 */
export function verificationCommands(root: string, configured: readonly string[]): string[] {
  const commands: string[] = [];
  if (existsSync(path.join(root, 'tsconfig.json'))) {
    const own = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const require = createRequire(import.meta.url);
    const tsc = existsSync(own) ? own : path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
    commands.push(`${quote(process.execPath)} ${quote(tsc)} --noEmit -p tsconfig.json`);
  }
  return [...commands, ...configured];
}

/** Runs the commands in order in `root`, stopping at the first failure. */
export async function runVerification(root: string, commands: readonly string[]): Promise<VerificationStep[]> {
  const steps: VerificationStep[] = [];
  for (const command of commands) {
    const step = await runCommand(root, command);
    steps.push(step);
    if (!step.ok) break;
  }
  return steps;
}

export function verificationPassed(steps: readonly VerificationStep[]): boolean {
  return steps.every((step) => step.ok);
}

function runCommand(root: string, command: string): Promise<VerificationStep> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n(timed out after ${VERIFY_TIMEOUT_MS / 1000} s)`;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    }, VERIFY_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ command, ok: false, output: error.message, durationMs: Date.now() - started });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ command, ok: code === 0, output: output.trim(), durationMs: Date.now() - started });
    });
  });
}

function quote(value: string): string {
  return /^[\w./@:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
