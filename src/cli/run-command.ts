import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printNotices } from './print-notices.js';

interface RunFlags {
  root: string;
  config?: string;
  resume?: string | true;
  only?: string[];
  rerunFailed?: boolean;
  dryRun?: boolean;
  bail?: boolean;
  gates: boolean;
  taskCache: boolean;
  maxParallel?: string;
  fix?: boolean;
  allowDirty?: boolean;
  unverified?: boolean;
  git: boolean;
  reporter: string;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** `orch-guard run`: the pipeline of orch.config.ts between integration gates (exit 0 passed, 1 failed, 2 usage). */
export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('run')
    .description('Run the pipeline of orch.config.ts: plan gate → tasks in dependency waves, each task behind its build gate, a validation gate after each wave → validate gate → cleanup.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--resume [run-id]', 'continue an interrupted, crashed or failed run (default: the latest); tasks that did not pass (blocked ones too) run again with their dependants, the others are kept')
    .option('--only <task-id...>', 'resume (the latest run unless --resume names one) running only these tasks again')
    .option('--rerun-failed', 'resume (the latest run unless --resume names one) running only the failed, timed-out and blocked tasks again')
    .option('--dry-run', 'print the waves and gates it would run, and exit')
    .option('--bail', 'stop starting tasks after the first failure or blocked gate (running tasks finish)')
    .option('--no-gates', 'run the tasks only, without any gate')
    .option('--no-task-cache', 'run tasks with `inputs` and `outputs` even when the task cache has their outputs')
    .option('--max-parallel <n>', 'most tasks at once (default: pipeline.maxParallel, else the number of CPUs)')
    .option('--fix', 'apply the cleanup at the end, when every task passed (otherwise a dry run)')
    .option('--allow-dirty', 'with --fix: edit files with uncommitted changes')
    .option('--no-git', 'with --fix: allow edits outside a git repository')
    .option('--unverified', 'with --fix: clean up even when nothing can verify the result (no tsconfig.json, no cleanup.verify)')
    .option('--reporter <name>', 'the summary at the end: text or json (progress then goes to stderr)', 'text')
    .action(async (flags: RunFlags) => {
      if (flags.reporter !== 'text' && flags.reporter !== 'json') throw new UsageError(`--reporter ${flags.reporter}: run supports text and json`);
      const maxParallel = flags.maxParallel === undefined ? undefined : Number(flags.maxParallel);
      if (maxParallel !== undefined && (!Number.isInteger(maxParallel) || maxParallel < 1)) throw new UsageError(`--max-parallel ${flags.maxParallel}: expected a whole number >= 1`);
      if (flags.only !== undefined && flags.rerunFailed === true) throw new UsageError('--only and --rerun-failed: choose one');
      const targeted = flags.only !== undefined || flags.rerunFailed === true;
      const resume = flags.resume === undefined ? (targeted ? 'latest' as const : undefined) : flags.resume === true ? 'latest' as const : Number(flags.resume);
      if (typeof resume === 'number' && !Number.isInteger(resume)) throw new UsageError(`--resume ${flags.resume}: expected a run id`);
      // Loaded here, not at startup: every other command starts faster without the task runner.
      const [{ dryRunPipeline, runPipeline }, { formatPlan }] = await Promise.all([import('../orchestrate/run-pipeline.js'), import('../orchestrate/view/format-plan.js')]);
      if (flags.dryRun === true) {
        const result = await dryRunPipeline({ root: flags.root, configFile: flags.config, maxParallel });
        process.stdout.write(formatPlan(result.plan, { gates: flags.gates }));
        setExitCode(result.exitCode);
        return;
      }
      const [{ killAllTasksNow }, { createProgressView }, { formatRunJson, formatRunTable }] = await Promise.all([
        import('../process/run-in-process-group.js'), import('../orchestrate/view/create-progress-view.js'), import('../orchestrate/view/format-run-status.js'),
      ]);
      const view = createProgressView(flags.reporter === 'json' ? process.stderr : process.stdout);
      // Ctrl-C, SIGTERM or a closed terminal stop the tasks cleanly; the run is recorded as
      // interrupted. A second one does not wait for the grace period: SIGKILL, now.
      const stop = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        if (!stop.signal.aborted) {
          stop.abort(signal);
          return;
        }
        process.stderr.write('orch-guard: stopping the tasks with SIGKILL now\n');
        killAllTasksNow();
      };
      for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
      try {
        const result = await runPipeline({
          root: flags.root,
          configFile: flags.config,
          maxParallel,
          ...(resume !== undefined ? { resume } : {}),
          ...(targeted ? { rerun: flags.only !== undefined ? { only: flags.only } : { failed: true } } : {}),
          bail: flags.bail === true,
          gates: flags.gates,
          taskCache: flags.taskCache,
          ...(flags.fix === true ? { fix: { allowDirty: flags.allowDirty === true, noGit: !flags.git, unverified: flags.unverified === true } } : {}),
          signal: stop.signal,
          onEvent: (event) => view.onEvent(event),
        });
        view.close();
        printNotices(result.notices);
        process.stdout.write(flags.reporter === 'json' ? formatRunJson(result.run) : `\n${formatRunTable(result.run, process.cwd())}`);
        setExitCode(result.exitCode);
      } finally {
        view.close();
        for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      }
    });
}
