import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive } from './process-identity.js';
import { stopMarkedProcesses } from './task-processes.js';

/** Whether any process is left in the process group (a task's command and everything it started). */
function isGroupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal);
  } catch {
    // The group is already gone.
  }
}

const POLL_MS = 25;
const KILL_WAIT_MS = 2000;

/**
 * Stops a whole process group: SIGTERM, then SIGKILL for whatever still runs after the grace
 * period. Resolves when the group is gone, with how it ended.
 */
export async function stopProcessGroup(groupId: number, gracePeriodMs: number): Promise<'gone' | 'terminated' | 'killed'> {
  if (!isGroupAlive(groupId)) return 'gone';
  signalGroup(groupId, 'SIGTERM');
  const deadline = Date.now() + gracePeriodMs;
  while (Date.now() < deadline) {
    if (!isGroupAlive(groupId)) return 'terminated';
    await sleep(POLL_MS);
  }
  signalGroup(groupId, 'SIGKILL');
  // SIGKILL cannot be ignored; what may linger is zombies that an init without reaping keeps.
  const killDeadline = Date.now() + KILL_WAIT_MS;
  while (isGroupAlive(groupId) && Date.now() < killDeadline) await sleep(POLL_MS);
  return 'killed';
}

/**
 * Stops what is left of a task's process group after orch-guard itself died (kill -9): the
 * group is ours if its leader is gone (a pid is not reused while its group lives) or is still
 * the process that was recorded; a pid reused by an unrelated process is left alone. Processes
 * that left the group are found by the attempt's token.
 */
export async function stopLeftoverGroup(groupId: number, leaderStartMarker: string | null, gracePeriodMs: number, token: string): Promise<void> {
  const ours = !isProcessAlive(groupId, null) || isProcessAlive(groupId, leaderStartMarker);
  await Promise.all([ours ? stopProcessGroup(groupId, gracePeriodMs) : undefined, stopMarkedProcesses(token, gracePeriodMs)]);
}
