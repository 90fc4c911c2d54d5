import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runFaultCli } from './fault-cli.js';

/**
 * The kill points (src/files/kill-point.ts) a command reaches, in order, from a run with
 * ORCH_GUARD_KILL_TRACE: the steps at which the campaign then kills it, one run each.
 */
export async function killPointsOf(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orch-guard-trace-'));
  try {
    const trace = path.join(dir, 'trace');
    const run = await runFaultCli(args, { env: { ...env, ORCH_GUARD_KILL_TRACE: trace } });
    if (run.exitCode !== 0) throw new Error(`${args.join(' ')} failed while tracing: ${run.stderr}`);
    return readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((line) => line.replace(/^\d+ /, ''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the command and has it SIGKILL itself at its `point`-th kill point (1-based); fails if it was not killed. */
export async function runKilledAt(args: string[], point: number, env: Record<string, string> = {}): Promise<void> {
  const run = await runFaultCli(args, { env: { ...env, ORCH_GUARD_KILL_AT: String(point) } });
  if (run.signal !== 'SIGKILL') throw new Error(`${args.join(' ')} was to be killed at kill point ${point} but ended with ${run.signal ?? `exit ${run.exitCode}`}: ${run.stderr}`);
}
