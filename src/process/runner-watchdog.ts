import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * A small process that outlives `orch-guard run` (or `cleanup --fix`, verifying) when it is
 * killed with SIGKILL (or crashes): the tasks (or verification commands) it started then stop
 * with it instead of running on until the next `run`. It runs
 * in a session of its own (a Ctrl-C or a kill of the runner's group does not reach it) and
 * holds the reading end of a pipe only the runner writes to: the end of that pipe is the
 * runner's death, normal or not. It is then told nothing more; it stops the process groups it
 * was told about and every process carrying the runner's token, SIGTERM then SIGKILL after the
 * grace period, and exits. After a normal end there is nothing left to stop.
 */
export interface RunnerWatchdog {
  /** An attempt's process group started (its leader's pid and start marker). */
  watch(groupId: number, startMarker: string | undefined): void;
  /** That attempt's processes are stopped: nothing to do for them any more. */
  unwatch(groupId: number): void;
  /** The runner is done with its tasks; the watchdog exits (after stopping anything left). */
  close(): void;
}

const MAIN = fileURLToPath(new URL('./watchdog-main.js', import.meta.url));

/** Starts the watchdog for the runner's token; its pid goes to `pidFile` when given (to find it when debugging). */
export function startRunnerWatchdog(token: string, gracePeriodMs: number, pidFile?: string): RunnerWatchdog {
  const child = spawn(process.execPath, [MAIN, token, String(gracePeriodMs)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  // A watchdog that could not start (or died) must not take the run down with it: the next run
  // still stops what a crashed one left (by the same token).
  child.on('error', () => undefined);
  child.stdin.on('error', () => undefined);
  // Neither the process nor the pipe keeps the runner alive once its own work is done.
  child.unref();
  (child.stdin as unknown as Socket).unref(); // a pipe: a net.Socket
  if (child.pid !== undefined && pidFile !== undefined) writeFileSync(pidFile, `${child.pid}\n`);
  const send = (line: string) => {
    if (child.stdin.writable) child.stdin.write(`${line}\n`);
  };
  return {
    watch: (groupId, startMarker) => send(`+${groupId} ${startMarker ?? '-'}`),
    unwatch: (groupId) => send(`-${groupId}`),
    close: () => child.stdin.end(),
  };
}
