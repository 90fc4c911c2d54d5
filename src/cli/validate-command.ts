import type { Command } from 'commander';
import { reporters } from '../report/reporters.js';
import { collect } from './options.js';
import { printNotices } from './print-notices.js';
import { createProgress, parseReporterSpecs, writeReports } from './terminal.js';

interface ValidateFlags {
  root: string;
  config?: string;
  entry?: string[];
  project?: string[];
  production?: boolean;
  includeEntryExports?: boolean;
  reporter: string[];
  cache: boolean;
  staged?: boolean;
  changedSince?: string;
  baseline?: string | false;
}

export function registerValidateCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('validate')
    .description('Find dead code in one run: unused files, exports, types, enum members and helpers, with the reason for each.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.{ts,mts,js,mjs,cjs,json} in the root)')
    .option('--entry <glob...>', 'entry files, in addition to package.json, config and conventional entries')
    .option('--project <glob...>', 'project files (default: every TS/JS file under the root that git does not ignore)')
    .option('--production', 'leave test files out, so code only tests use counts as unused')
    .option('--include-entry-exports', 'also report unused exports of entry files (public API by default)')
    .option('--reporter <name[:file]>', `output format, optionally to a file; repeatable (${Object.keys(reporters).join(', ')})`, collect, [])
    .option('--staged', 'judge only what the staged changes introduce (the index as it would be committed, against HEAD)')
    .option('--changed-since <ref>', 'judge only what changed since a git ref introduces (the working tree against the merge base)')
    .option('--baseline <file>', 'accept the findings recorded in this baseline (default: orch-guard-baseline.json when present)')
    .option('--no-baseline', 'ignore the baseline file')
    .option('--no-cache', 're-parse every file, without reading or writing the registry (for a read-only checkout)')
    .action(async (flags: ValidateFlags) => {
      const reporterSpecs = parseReporterSpecs(flags.reporter);
      const progress = createProgress('indexing');
      // Each command loads its implementation when it runs, so `--help` and others start fast.
      const [{ validateProject }, { installDiskReadJournal }] = await Promise.all([import('../validate/run-validate.js'), import('../files/disk-read-journal.js')]);
      // Before the config or the project's code is loaded (TypeScript keeps fs functions from its
      // start): a warm run can then tell that nothing loading the project read has changed.
      installDiskReadJournal();
      const result = await validateProject({
        root: flags.root,
        configFile: flags.config,
        entryGlobs: flags.entry,
        projectGlobs: flags.project,
        production: flags.production === true,
        includeEntryExports: flags.includeEntryExports,
        useCache: flags.cache,
        staged: flags.staged,
        changedSince: flags.changedSince,
        baseline: flags.baseline,
        onProgress: (done, total) => progress.update(done, total),
      });
      progress.done();
      printNotices(result.notices);
      await writeReports(result, reporterSpecs, process.cwd());
      setExitCode(result.exitCode);
    });
}
