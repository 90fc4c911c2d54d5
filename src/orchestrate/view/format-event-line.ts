import type { RecordedEvent } from '../run-events.js';
import { formatDuration } from './format-duration.js';

const STATUS_LABEL = { passed: 'pass ', failed: 'fail ', blocked: 'block', skipped: 'skip ', 'timed-out': 'time ' } as const;

/**
 * One line for an event, for logs and CI (no colour, no redrawing); undefined for events not
 * worth a line. `tail`: the last lines of a failed task's log, shown under it.
 */
export function formatEventLine(event: RecordedEvent, tail: readonly string[] = []): string | undefined {
  switch (event.type) {
    case 'run-started': {
      const waves = Math.max(0, ...event.tasks.map((task) => task.wave));
      const kept = event.kept.length > 0 ? `; ${event.kept.length} passed before, kept` : '';
      return `run #${event.runId}${event.resumed ? ' resumed' : ''}: ${event.tasks.length} task${event.tasks.length === 1 ? '' : 's'} in ${waves} wave${waves === 1 ? '' : 's'}, at most ${event.maxParallel} at once${kept}`;
    }
    case 'wave-started':
      return `wave ${event.wave}: ${event.tasks.join(', ')}`;
    case 'gate': {
      const name = event.phase === 'wave' ? `gate wave ${event.wave}` : event.phase === 'build' || event.phase === 'produces' ? `gate ${event.phase} ${event.tasks[0]}` : `gate ${event.phase}`;
      const lines = [`${name}: ${event.verdict} (${formatDuration(event.durationMs)})`];
      if (event.verdict === 'blocked') lines.push(...event.detail.slice(0, 10).map((line) => `  ${line}`));
      if (event.verdict === 'blocked' && event.detail.length > 10) lines.push(`  … and ${event.detail.length - 10} more`);
      return lines.join('\n');
    }
    case 'attempt-started':
      return `start ${event.task}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'retry-scheduled':
      return `retry ${event.task} in ${formatDuration(event.delayMs)} (attempt ${event.attempt})`;
    case 'attempt-finished':
      return event.outcome === 'passed' || event.outcome === 'interrupted' ? undefined : `      ${event.task} attempt ${event.attempt}: ${event.reason ?? event.outcome}`;
    case 'task-finished': {
      const duration = event.durationMs !== null ? ` ${formatDuration(event.durationMs)}` : '';
      const attempts = event.attempts > 1 ? ` after ${event.attempts} attempts` : '';
      const reason = event.reason !== undefined ? `: ${event.reason}` : '';
      return [`${STATUS_LABEL[event.status]} ${event.task}${duration}${attempts}${reason}`, ...tail.map((line) => `      | ${line}`)].join('\n');
    }
    case 'task-restored':
      return `cache ${event.task}: outputs restored (${event.changes.length} file${event.changes.length === 1 ? '' : 's'} changed), not run`;
    case 'task-blocked':
      return `block ${event.task}: ${event.reason}${event.findings.length > 1 ? ` (and ${event.findings.length - 1} more finding${event.findings.length === 2 ? '' : 's'})` : ''}`;
    case 'run-finished':
      return `run ${event.status} (exit ${event.exitCode})`;
  }
}
