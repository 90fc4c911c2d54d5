import type { RegistryDatabase } from '../../registry/open-registry.js';
import {
  finishPipelineAttempt, finishPipelineRun, finishPipelineTask, insertPipelineGate, planPipelineTasks, startPipelineAttempt,
} from '../../registry/pipeline-store.js';
import type { RecordedEvent } from '../run-events.js';

/** Applies one event to the pipeline tables: the registry holds the run's state as of its last event. */
export function recordEvent(registry: RegistryDatabase, runId: number, event: RecordedEvent): void {
  switch (event.type) {
    case 'run-started':
      planPipelineTasks(registry, runId, event.tasks, event.kept);
      return;
    case 'gate':
      insertPipelineGate(registry, runId, event);
      return;
    case 'attempt-started':
      startPipelineAttempt(registry, runId, event);
      return;
    case 'attempt-finished':
      finishPipelineAttempt(registry, runId, event);
      return;
    case 'task-finished':
      finishPipelineTask(registry, runId, event);
      return;
    case 'run-finished':
      finishPipelineRun(registry, runId, event);
      return;
    case 'wave-started':
    case 'retry-scheduled':
      return;
  }
}
