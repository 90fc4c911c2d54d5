import type { RegistryDatabase } from '../../registry/open-registry.js';
import {
  finishPipelineAttempt, finishPipelineRun, finishPipelineTask, insertPipelineGate, planPipelineTasks, startPipelineAttempt,
} from '../../registry/pipeline-store.js';
import { blockPipelineTask, saveAttemptChanges, saveGateFindings } from '../../registry/pipeline-blame-store.js';
import type { RecordedEvent } from '../run-events.js';

/** Applies one event to the pipeline tables: the registry holds the run's state as of its last event. */
export function recordEvent(registry: RegistryDatabase, runId: number, event: RecordedEvent): void {
  switch (event.type) {
    case 'run-started':
      planPipelineTasks(registry, runId, event.tasks, event.kept);
      return;
    case 'gate':
      saveGateFindings(registry, runId, insertPipelineGate(registry, runId, event), event.findings, event.durationMs);
      return;
    case 'attempt-started':
      startPipelineAttempt(registry, runId, event);
      return;
    case 'attempt-finished':
      finishPipelineAttempt(registry, runId, event);
      saveAttemptChanges(registry, runId, event.task, event.attempt, event.changes);
      return;
    case 'task-finished':
      finishPipelineTask(registry, runId, event);
      return;
    case 'task-restored':
      // Attempt 0: the restored files are the task's work in this run, as an attempt's would be.
      saveAttemptChanges(registry, runId, event.task, 0, event.changes);
      return;
    case 'task-blocked':
      blockPipelineTask(registry, runId, event.task, event.reason);
      return;
    case 'run-finished':
      finishPipelineRun(registry, runId, event);
      return;
    case 'wave-started':
    case 'gate-started':
    case 'retry-scheduled':
      return;
  }
}
