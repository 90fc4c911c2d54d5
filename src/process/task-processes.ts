import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { isZombie } from './process-identity.js';

/**
 * Every process orch-guard starts (a task attempt, a verification command) gets a token in
 * its environment, appended to the tokens it inherited, and passes it on to whatever it
 * starts. The token finds those processes even after they left the process group (setsid, a
 * double-forked daemon), and nested runs keep their parents' tokens, so stopping an outer task
 * reaches the inner runs' processes too.
 */
const TOKENS_VARIABLE = 'ORCH_GUARD_PROCESS_TOKENS';

/** The token of a task attempt: the same after orch-guard restarts, so `--resume` finds what a crashed run left. */
export function taskToken(root: string, runId: number, taskId: string, attempt: number): string {
  return createHash('sha1').update(`${root}\0${runId}\0${taskId}\0${attempt}`).digest('hex').slice(0, 20);
}

/**
 * The token of one `orch-guard run` process (a run resumed later is another): every process
 * of its attempts carries it, so what a runner killed with SIGKILL left is found by its
 * watchdog, or by the next run.
 */
export function runnerToken(root: string, runId: number, pid: number, pidStarted: string | null): string {
  return createHash('sha1').update(`${root}\0${runId}\0${pid}\0${pidStarted ?? ''}\0runner`).digest('hex').slice(0, 20);
}

/** The environment with the token added to the inherited ones. */
export function withProcessToken(env: NodeJS.ProcessEnv, token: string): NodeJS.ProcessEnv {
  const inherited = env[TOKENS_VARIABLE];
  return { ...env, [TOKENS_VARIABLE]: inherited === undefined || inherited === '' ? token : `${inherited},${token}` };
}

/**
 * Processes whose environment carries the token (Linux: /proc/<pid>/environ, readable for the
 * user's own processes); none elsewhere. A process that replaced its whole environment
 * (`env -i`) is not found.
 */
function findMarkedProcesses(token: string): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const prefix = `${TOKENS_VARIABLE}=`;
  const found: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${name}/environ`, 'latin1');
    } catch {
      continue;
    }
    const entry = environ.split('\0').find((variable) => variable.startsWith(prefix));
    if (entry !== undefined && entry.slice(prefix.length).split(',').includes(token) && !isZombie(Number(name))) found.push(Number(name));
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

const POLL_MS = 25;

/**
 * Stops the processes carrying the token that left their process group: SIGTERM, then
 * SIGKILL for what still runs after the grace period (looking again each time, for processes
 * they started meanwhile).
 */
export async function stopMarkedProcesses(token: string, gracePeriodMs: number): Promise<void> {
  let alive = findMarkedProcesses(token);
  if (alive.length === 0) return;
  for (const pid of alive) signal(pid, 'SIGTERM');
  const deadline = Date.now() + gracePeriodMs;
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(POLL_MS);
    alive = findMarkedProcesses(token);
  }
  for (let round = 0; round < 5 && alive.length > 0; round += 1) {
    for (const pid of alive) signal(pid, 'SIGKILL');
    await sleep(POLL_MS);
    alive = findMarkedProcesses(token);
  }
}

/** SIGKILL, now, for every process carrying the token (a second Ctrl-C). */
export function killMarkedProcesses(token: string): void {
  for (const pid of findMarkedProcesses(token)) signal(pid, 'SIGKILL');
}
