import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { readPipelineStatus } from '../orchestrate/read-status.js';
import { formatRunJson, formatRunTable } from '../orchestrate/view/format-run-status.js';
import { printNotices } from './terminal.js';

/** `orch-guard status [<run-id>]`: a pipeline run's table (the latest by default). */
export function registerStatusCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('status [run-id]')
    .description('Show a run of `orch-guard run` (default: the latest): each task\'s status, attempts, duration and gate verdicts.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--reporter <name>', 'text or json', 'text')
    .action(async (runId: string | undefined, flags: { root: string; config?: string; reporter: string }) => {
      if (flags.reporter !== 'text' && flags.reporter !== 'json') throw new UsageError(`--reporter ${flags.reporter}: status supports text and json`);
      const id = runId === undefined ? undefined : Number(runId);
      if (id !== undefined && !Number.isInteger(id)) throw new UsageError(`status ${runId}: expected a run id`);
      const result = await readPipelineStatus({ root: flags.root, configFile: flags.config, ...(id !== undefined ? { runId: id } : {}) });
      printNotices(result.notices);
      process.stdout.write(flags.reporter === 'json' ? formatRunJson(result.run) : formatRunTable(result.run, process.cwd()));
      setExitCode(result.exitCode);
    });
}
