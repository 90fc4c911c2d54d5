import { readLogTail } from '../../process/log-tail.js';
import type { RecordedEvent } from '../run-events.js';

const TAIL_LINES = 12;

/**
 * For the events of a task that failed or timed out, the last lines of its last attempt's
 * log (read from the end of the file), so the failure shows where the run is watched.
 */
export function createFailureTail(): (event: RecordedEvent) => string[] {
  const logs = new Map<string, string>();
  return (event) => {
    if (event.type === 'attempt-started') logs.set(event.task, event.logFile);
    if (event.type !== 'task-finished' || (event.status !== 'failed' && event.status !== 'timed-out')) return [];
    const log = logs.get(event.task);
    return log === undefined ? [] : readLogTail(log, TAIL_LINES);
  };
}
