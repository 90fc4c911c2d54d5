import { writeFileAtomic } from '../files/write-file-atomic.js';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printNotices } from './print-notices.js';

interface ReportFlags {
  root: string;
  config?: string;
  format: string;
  base?: string;
  output?: string;
  production?: boolean;
}

/** `orch-guard report --format markdown`: the cleanup report for a pull request comment. */
export function registerReportCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('report')
    .description('The cleanup report for a pull request: introduced / resolved / remaining findings against a base, and what cleanup would remove.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--format <format>', 'markdown', 'markdown')
    .option('--base <ref>', 'compare with this git ref (default: the baseline file, if any)')
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--production', 'analyse without test files')
    .action(async (flags: ReportFlags) => {
      if (flags.format !== 'markdown') throw new UsageError(`--format ${flags.format}: the report is available as markdown`);
      const { runReport } = await import('../pr-report/run-report.js');
      const { markdown, notices } = await runReport({ root: flags.root, configFile: flags.config, production: flags.production === true, base: flags.base });
      printNotices(notices);
      if (flags.output !== undefined) writeFileAtomic(path.resolve(flags.output), markdown);
      else process.stdout.write(markdown);
      setExitCode(0);
    });
}
