import type { RegistryDatabase } from '../registry/open-registry.js';
import type { PipelinePlan } from './load-plan.js';
import type { RunGates } from './pipeline-gates.js';
import type { RunOptions } from './run-options.js';
import type { RunnerProcesses } from './run-task.js';
import type { ClaimedRun } from './state/claim-run.js';
import type { RunJournal } from './state/run-journal.js';

/** What a run's phases share: the plan, the registry and the run's journal, its gates and options. */
export interface RunContext {
  plan: PipelinePlan;
  registry: RegistryDatabase;
  claimed: ClaimedRun;
  runDir: string;
  journal: RunJournal;
  gates: RunGates | undefined;
  options: RunOptions;
  notices: string[];
  runner: RunnerProcesses;
}
