import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printNotices } from './print-notices.js';

/** `orch-guard status [<run-id>] [--task <id>]`: a pipeline run's table (the latest by default), or a task's fix brief; exit 1 when the run did not pass. */
export function registerStatusCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('status [run-id]')
    .description('Show a run of `orch-guard run` (default: the latest): each task\'s status, attempts, duration and gate verdicts.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--task <id>', 'the fix brief of one task: why it is not done, what it changed, the findings blamed on it and what to do')
    .option('--reporter <name>', 'text or json', 'text')
    .action(async (runId: string | undefined, flags: { root: string; config?: string; reporter: string; task?: string }) => {
      if (flags.reporter !== 'text' && flags.reporter !== 'json') throw new UsageError(`--reporter ${flags.reporter}: status supports text and json`);
      const id = runId === undefined ? undefined : Number(runId);
      if (id !== undefined && !Number.isInteger(id)) throw new UsageError(`status ${runId}: expected a run id`);
      const [{ readPipelineStatus }, { formatFixBriefJson, formatFixBriefText }, { formatRunJson, formatRunTable }] = await Promise.all([
        import('../orchestrate/read-status.js'), import('../orchestrate/view/format-fix-brief.js'), import('../orchestrate/view/format-run-status.js'),
      ]);
      const result = await readPipelineStatus({ root: flags.root, configFile: flags.config, ...(id !== undefined ? { runId: id } : {}), ...(flags.task !== undefined ? { task: flags.task } : {}) });
      printNotices(result.notices);
      if (result.brief !== undefined) process.stdout.write(flags.reporter === 'json' ? formatFixBriefJson(result.brief) : formatFixBriefText(result.brief));
      else process.stdout.write(flags.reporter === 'json' ? formatRunJson(result.run) : formatRunTable(result.run, process.cwd()));
      setExitCode(result.exitCode);
    });
}
