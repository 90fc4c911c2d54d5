import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLogTail } from '../process/log-tail.js';
import { runInProcessGroup } from '../process/run-in-process-group.js';
import { shellQuote } from '../process/shell-quote.js';
import { type RunnerWatchdog, startRunnerWatchdog } from '../process/runner-watchdog.js';
import { randomUUID } from 'node:crypto';

/** How long one verification command may run before it counts as failed. */
const VERIFY_TIMEOUT_MS = 15 * 60 * 1000;
/** Between SIGTERM and SIGKILL when a verification command times out. */
const VERIFY_GRACE_MS = 5000;
const OUTPUT_TAIL = 4000;
const OUTPUT_TAIL_LINES = 80;

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
    commands.push(`${shellQuote(process.execPath)} ${shellQuote(tsc)} --noEmit -p tsconfig.json`);
  }
  return [...commands, ...configured];
}

/** Runs the commands in order in `root`, stopping at the first failure. */
export async function runVerification(root: string, commands: readonly string[]): Promise<VerificationStep[]> {
  const steps: VerificationStep[] = [];
  if (commands.length === 0) return steps;
  // Killed with SIGKILL while verifying, cleanup --fix leaves the tree half cleaned (the next
  // orch-guard command rolls it back): the watchdog stops the project's tests meanwhile.
  const token = randomUUID();
  const watchdog = startRunnerWatchdog(token, VERIFY_GRACE_MS);
  try {
    for (const command of commands) {
      const step = await runCommand(root, command, { token, watchdog });
      steps.push(step);
      if (!step.ok) break;
    }
  } finally {
    watchdog.close();
  }
  return steps;
}

export function verificationPassed(steps: readonly VerificationStep[]): boolean {
  return steps.every((step) => step.ok);
}

/**
 * One command, run like a pipeline task: in a process group of its own that is stopped whole
 * (at the timeout, or whatever it leaves running), its output through a temporary log file.
 */
async function runCommand(root: string, command: string, guard: { token: string; watchdog: RunnerWatchdog }): Promise<VerificationStep> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-verify-'));
  const logFile = path.join(dir, 'output.log');
  try {
    const result = await runInProcessGroup({
      command,
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      logFile,
      timeoutMs: VERIFY_TIMEOUT_MS,
      gracePeriodMs: VERIFY_GRACE_MS,
      signal: new AbortController().signal,
      ...guard,
    }, () => {});
    let output = readLogTail(logFile, OUTPUT_TAIL_LINES).join('\n').slice(-OUTPUT_TAIL);
    // A timeout, a signal or a failure to start is not in the output: say it.
    if (result.outcome !== 'passed' && (result.outcome !== 'failed' || result.exitCode === null)) output += `\n(${result.reason})`;
    return { command, ok: result.outcome === 'passed', output: output.trim(), durationMs: result.durationMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
