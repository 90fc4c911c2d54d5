import type { TaskResult } from '../config/pipeline-schema.js';
import type { AttemptOutcome } from '../process/run-in-process-group.js';
import type { FileChange } from './changes/snapshot-files.js';
import type { RunFinding } from './run-finding.js';

/** The gates of a run: plan; per task build and `produces`; per wave (or at each sync point, `wave` then numbers it); at the end validate and cleanup. */
export type RunGatePhase = 'plan' | 'build' | 'produces' | 'wave' | 'sync' | 'validate' | 'cleanup';
export type Verdict = 'pass' | 'blocked';
export type FinishedStatus = TaskResult['status'];

/** The outcomes that stop a task's dependants and fail the run. */
export const FAILED_STATUSES: ReadonlySet<FinishedStatus> = new Set(['failed', 'blocked', 'timed-out']);
/** `crashed`: the orch-guard process driving the run died without recording an end. */
export type RunStatus = 'running' | 'passed' | 'failed' | 'interrupted' | 'crashed';

export interface PlannedTask {
  id: string;
  wave: number;
  dependsOn: string[];
  role: 'build' | 'review';
  component?: string;
  /** Its attempts' timeout: the live view counts down what is left. */
  timeoutMs?: number;
}

/**
 * What happens in a run, in order. Each event is appended to the run's events.jsonl, applied
 * to the registry tables, and shown; the three never disagree because they have one source.
 */
export type RunEvent =
  | {
    type: 'run-started'; runId: number; resumed: boolean; maxParallel: number; tasks: PlannedTask[]; kept: string[];
    /** Absent: waves (runs recorded before scheduling by dependencies). */
    schedule?: 'dependencies' | 'waves';
    syncPoints?: Array<{ number: number; after: string[] }>;
  }
  | { type: 'wave-started'; wave: number; tasks: string[] }
  /** A validation gate (after a wave, at a sync point) started: the live view shows it. */
  | { type: 'gate-started'; phase: RunGatePhase; wave?: number }
  /** `tasks`: whose work the gate judged (build, produces), or blamed when it blocked (wave). */
  | { type: 'gate'; phase: RunGatePhase; verdict: Verdict; wave?: number; tasks: string[]; detail: string[]; findings: RunFinding[]; durationMs: number }
  | { type: 'attempt-started'; task: string; attempt: number; pid: number; pidStarted?: string; logFile: string }
  /** `changes`: the files the attempt created, changed or deleted (by content hash): what it is blamed for. */
  | { type: 'attempt-finished'; task: string; attempt: number; outcome: AttemptOutcome; exitCode: number | null; signal: string | null; durationMs: number; reason?: string; changes: FileChange[] }
  | { type: 'retry-scheduled'; task: string; attempt: number; delayMs: number }
  | { type: 'task-finished'; task: string; status: FinishedStatus; reason?: string; attempts: number; exitCode: number | null; durationMs: number | null }
  /** The task's outputs were restored from the task cache (same inputs, command and env as a passed attempt): it does not run. */
  | { type: 'task-restored'; task: string; key: string; changes: FileChange[] }
  /** A gate blamed findings on a task that had passed: it is `blocked` now, and runs again on resume. */
  | { type: 'task-blocked'; task: string; reason: string; findings: RunFinding[] }
  | { type: 'run-finished'; status: RunStatus; exitCode: number };

/** An event as recorded: numbered in order within the run, with its time. */
export type RecordedEvent = RunEvent & { seq: number; time: string };
