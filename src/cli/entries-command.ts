import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printNotices } from './print-notices.js';

interface EntriesFlags {
  root: string;
  config?: string;
  production?: boolean;
  reporter: string;
}

/** `orch-guard entries`: what makes code live, and where each entry comes from. */
export function registerEntriesCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('entries')
    .description('List every entry (package.json field, framework or tool, script, CI workflow, task, config, convention) with where it comes from, the test files, and entries orch-guard could not map to source.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--production', 'leave test files out')
    .option('--reporter <name>', 'text or json', 'text')
    .action(async (flags: EntriesFlags) => {
      if (flags.reporter !== 'text' && flags.reporter !== 'json') throw new UsageError(`--reporter ${flags.reporter}: this command supports text and json`);
      const notices: string[] = [];
      const [{ listEntries }, { formatEntries }] = await Promise.all([import('../query/list-entries.js'), import('../query/format-entries.js')]);
      const listing = await listEntries({ root: flags.root, configFile: flags.config, production: flags.production, notices });
      printNotices(notices);
      process.stdout.write(formatEntries(listing, flags.reporter === 'json'));
      setExitCode(0);
    });
}
