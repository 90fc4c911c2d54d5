import { readFileSync } from 'node:fs';

/**
 * When a process started, as the kernel tells it (Linux: field 22 of /proc/<pid>/stat, in
 * clock ticks since boot); undefined elsewhere or when it is gone. With the pid it names one
 * process for good: a pid reused by a later process has another start time.
 */
export function processStartMarker(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Linux: whether the pid is a zombie (it has exited, its parent has not reaped it yet). */
export function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Whether the process that had this pid (and start marker, when one was recorded) still runs. */
export function isProcessAlive(pid: number, startMarker: string | null | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Right after a kill -9 the process lingers as a zombie until it is reaped: it runs no more.
  if (isZombie(pid)) return false;
  if (startMarker === null || startMarker === undefined) return true;
  const current = processStartMarker(pid);
  return current === undefined || current === startMarker;
}
