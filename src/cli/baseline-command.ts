import path from 'node:path';
import type { Command } from 'commander';
import { printNotices } from './print-notices.js';

interface BaselineFlags {
  root: string;
  config?: string;
  file?: string;
  production?: boolean;
  expires?: string;
}

/** `orch-guard baseline save|prune`: accept today's findings, then let the list only shrink. */
export function registerBaselineCommand(program: Command, setExitCode: (code: number) => void): void {
  const baseline = program.command('baseline').description('Record current findings so only new ones fail (a ratchet for existing codebases).');
  const common = (command: Command) => command
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--file <file>', 'baseline file, relative to the root', 'orch-guard-baseline.json')
    .option('--production', 'analyse without test files, as validate --production does');
  common(baseline.command('save').description('Write every current finding to the baseline file.'))
    .option('--expires <date>', 'expiry date for new entries (YYYY-MM-DD); after it they count again')
    .action(async (flags: BaselineFlags) => {
      const { saveBaseline } = await import('../validate/update-baseline.js');
      const update = await saveBaseline({ root: flags.root, configFile: flags.config, file: flags.file, production: flags.production === true, useCache: true, expires: flags.expires });
      printNotices(update.notices);
      process.stdout.write(`Baseline ${path.relative(process.cwd(), update.file) || update.file}: ${update.entries} entries (${update.added} added, ${update.removed} removed)\n`);
      setExitCode(0);
    });
  common(baseline.command('prune').description('Drop entries that match no current finding, and expired ones.'))
    .action(async (flags: BaselineFlags) => {
      const { pruneBaseline } = await import('../validate/update-baseline.js');
      const update = await pruneBaseline({ root: flags.root, configFile: flags.config, file: flags.file, production: flags.production === true, useCache: true });
      printNotices(update.notices);
      process.stdout.write(`Baseline ${path.relative(process.cwd(), update.file) || update.file}: ${update.entries} entries (${update.removed} removed)\n`);
      setExitCode(0);
    });
}
