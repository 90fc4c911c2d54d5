import { appendFileSync } from 'node:fs';

/**
 * Fault injection for the kill tests (test/faults/kill-campaign.test.ts), compiled in so that
 * they exercise the very code users run. With ORCH_GUARD_KILL_AT=n the process kills itself
 * with SIGKILL at the n-th kill point it reaches (what a `kill -9` at that instant does: no
 * handler, no `finally`, no flush); ORCH_GUARD_KILL_TRACE=<file> lists the points reached, so
 * a test can count them first and then stop the command at each one. Inert otherwise: the
 * variables are read once, and a kill point is then one comparison.
 */
const KILL_AT = Number(process.env.ORCH_GUARD_KILL_AT ?? 0);
const TRACE = process.env.ORCH_GUARD_KILL_TRACE;
const ARMED = (Number.isInteger(KILL_AT) && KILL_AT > 0) || (TRACE !== undefined && TRACE !== '');

let reached = 0;

/** A moment between two steps that change the disk, named for the trace. */
export function killPoint(name: string): void {
  if (!ARMED) return;
  reached += 1;
  if (TRACE !== undefined && TRACE !== '') appendFileSync(TRACE, `${reached} ${name}\n`);
  if (reached === KILL_AT) process.kill(process.pid, 'SIGKILL');
}
