import { stopLeftoverGroup } from './stop-process-group.js';
import { stopMarkedProcesses } from './task-processes.js';

/**
 * The watchdog of `orch-guard run` (see runner-watchdog.ts), a program of its own: argv is the
 * runner's token and the grace period; stdin, lines `+<group> <start marker>` and `-<group>`,
 * ends when the runner is gone.
 */
const [token, grace] = process.argv.slice(2);
const gracePeriodMs = Number(grace);
const groups = new Map<number, string | null>();
let pending = '';

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const [group, marker] = line.slice(1).split(' ');
    if (line.startsWith('+')) groups.set(Number(group), marker === '-' || marker === undefined ? null : marker);
    else if (line.startsWith('-')) groups.delete(Number(group));
  }
});
let stopping = false;
const stopAll = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([
    ...[...groups].map(([group, marker]) => stopLeftoverGroup(group, marker, gracePeriodMs, token)),
    stopMarkedProcesses(token, gracePeriodMs),
  ]);
  process.exit(0);
};
process.stdin.on('end', stopAll);
process.stdin.on('error', stopAll);
