import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readLogTail } from './log-tail.js';
import { processStartMarker } from './process-identity.js';
import { stopProcessGroup } from './stop-process-group.js';
import { randomUUID } from 'node:crypto';
import type { RunnerWatchdog } from './runner-watchdog.js';
import { killMarkedProcesses, stopMarkedProcesses, withProcessToken } from './task-processes.js';

/** Attempts whose processes may still run, for killAllTasksNow. */
const runningAttempts = new Set<{ groupId: number; token: string }>();

/**
 * A second Ctrl-C: SIGKILL now for every running attempt's process group and marked
 * processes, without waiting for the grace period of the first stop.
 */
export function killAllTasksNow(): void {
  for (const { groupId, token } of runningAttempts) {
    try {
      process.kill(-groupId, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
    killMarkedProcesses(token);
  }
}

export type AttemptOutcome = 'passed' | 'failed' | 'timed-out' | 'interrupted';

export interface AttemptSpec {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where stdout and stderr go, together in order. */
  logFile: string;
  timeoutMs: number | undefined;
  gracePeriodMs: number;
  /** Aborted when the run is interrupted: the attempt's processes are stopped. */
  signal: AbortSignal;
  /** Marks every process the command starts (see task-processes.ts); by default a new one. */
  token?: string;
  /** Told of the attempt's process group while it runs, to stop it if orch-guard dies. */
  watchdog?: Pick<RunnerWatchdog, 'watch' | 'unwatch'>;
}

export interface AttemptResult {
  outcome: AttemptOutcome;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** Why it did not pass, in words: the exit and the last line of output. */
  reason: string | undefined;
}

/**
 * One attempt of a task: `/bin/sh -c command` in a process group of its own, its output
 * written straight to the log file by the kernel (nothing passes through orch-guard, so a task
 * printing gigabytes costs no memory). A timeout or an interruption stops the whole group,
 * SIGTERM then SIGKILL, and the processes that left it but carry the attempt's token in their
 * environment; whatever the command leaves running when it exits is stopped too.
 */
export function runInProcessGroup(spec: AttemptSpec, onSpawn: (pid: number, startMarker: string | undefined) => void): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const token = spec.token ?? randomUUID();
    const fd = openSync(spec.logFile, 'w');
    let child;
    try {
      child = spawn(spec.command, { shell: true, detached: true, cwd: spec.cwd, env: withProcessToken(spec.env, token), stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    let stopReason: 'timeout' | 'interrupt' | undefined;
    let stopping: Promise<'gone' | 'terminated' | 'killed'> | undefined;
    const pid = child.pid;
    const running = pid === undefined ? undefined : { groupId: pid, token };
    if (running !== undefined) runningAttempts.add(running);
    // The group, then whatever left it (setsid, a double-forked daemon) but carries the token.
    const stopAll = async (groupId: number) => {
      const [ended] = await Promise.all([stopProcessGroup(groupId, spec.gracePeriodMs), stopMarkedProcesses(token, spec.gracePeriodMs)]);
      return ended;
    };
    const stop = (reason: 'timeout' | 'interrupt') => {
      stopReason ??= reason;
      if (pid !== undefined) stopping ??= stopAll(pid);
    };
    const onAbort = () => stop('interrupt');
    const timer = spec.timeoutMs === undefined ? undefined : setTimeout(() => stop('timeout'), spec.timeoutMs);
    spec.signal.addEventListener('abort', onAbort, { once: true });
    const finish = (result: Omit<AttemptResult, 'durationMs'>, endedAt: number) => {
      if (running !== undefined) runningAttempts.delete(running);
      if (pid !== undefined) spec.watchdog?.unwatch(pid);
      if (timer !== undefined) clearTimeout(timer);
      spec.signal.removeEventListener('abort', onAbort);
      resolve({ ...result, durationMs: Math.round(endedAt - startedAt) });
    };
    child.once('error', (error) => finish({ outcome: 'failed', exitCode: null, signal: null, reason: `could not start: ${error.message}` }, performance.now()));
    child.once('exit', async (code, signal) => {
      const endedAt = performance.now();
      // The command is done; its group may not be (background jobs, a child ignoring SIGTERM).
      const ended = await (stopping ?? stopAll(pid as number));
      // The last line of output explains a failure; a passed attempt's log is not read.
      const lastOutput = () => {
        const lastLine = readLogTail(spec.logFile, 1)[0];
        return lastLine === undefined ? '' : `: ${lastLine.trim().slice(0, 300)}`;
      };
      if (stopReason === 'timeout') {
        const how = ended === 'killed' ? `killed with SIGKILL ${spec.gracePeriodMs} ms after SIGTERM` : 'stopped with SIGTERM';
        finish({ outcome: 'timed-out', exitCode: code, signal, reason: `timed out after ${spec.timeoutMs} ms (process group ${how})` }, endedAt);
      } else if (stopReason === 'interrupt') {
        finish({ outcome: 'interrupted', exitCode: code, signal, reason: 'interrupted: the run was stopped' }, endedAt);
      } else if (code === 0) {
        finish({ outcome: 'passed', exitCode: 0, signal: null, reason: undefined }, endedAt);
      } else {
        finish({ outcome: 'failed', exitCode: code, signal, reason: `${code !== null ? `exit ${code}` : `killed by ${signal}`}${lastOutput()}` }, endedAt);
      }
    });
    if (pid !== undefined) {
      const startMarker = processStartMarker(pid);
      spec.watchdog?.watch(pid, startMarker);
      onSpawn(pid, startMarker);
      if (spec.signal.aborted) stop('interrupt');
    }
  });
}
