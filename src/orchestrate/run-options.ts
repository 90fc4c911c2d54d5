import type { RecordedEvent } from './run-events.js';
import type { RerunSelection } from './select-kept-results.js';

/** How `orch-guard run` was asked to run. */
export interface RunOptions {
  root: string;
  configFile?: string;
  maxParallel?: number;
  /** Continue a run (by id, or the latest) instead of starting one. */
  resume?: number | 'latest';
  /** Resumed: which tasks run again (default: those that did not pass, and their dependants). */
  rerun?: RerunSelection;
  bail: boolean;
  /** false with --no-task-cache: tasks with `inputs` and `outputs` run even when their cache has their outputs. */
  taskCache?: boolean;
  /** false: no gates at all (--no-gates), only the tasks. */
  gates: boolean;
  /** --fix: apply the cleanup at the end (when every task passed). */
  fix?: { allowDirty: boolean; noGit: boolean; unverified: boolean };
  /** Aborted on Ctrl-C / SIGTERM, with the signal's name as reason. */
  signal: AbortSignal;
  /** Every event, as it is recorded: the CLI shows them. */
  onEvent: (event: RecordedEvent) => void;
}
