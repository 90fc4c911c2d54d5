import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { collect } from './options.js';
import { printNotices } from './print-notices.js';
import { useColor } from './terminal.js';

interface CleanupFlags {
  root: string;
  config?: string;
  production?: boolean;
  fix?: boolean;
  undo?: string | true;
  force?: boolean;
  unverified?: boolean;
  allowDirty?: boolean;
  git: boolean;
  rule: string[];
  file: string[];
  component: string[];
  reporter: string;
}

/** `orch-guard cleanup`: remove dead code safely (dry run unless --fix), or undo a cleanup. */
export function registerCleanupCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('cleanup')
    .description('Remove everything dead in one step: a diff by default; --fix applies, verifies (tsc, cleanup.verify) and records it for --undo.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--fix', 'apply the removals (atomically, verified, recorded)')
    .option('--undo [id]', 'restore the files of a cleanup (default: the latest), byte for byte')
    .option('--rule <id>', 'only findings of this rule; repeatable', collect, [])
    .option('--file <glob>', 'only findings in these files; repeatable', collect, [])
    .option('--component <name>', 'only findings of this component; repeatable', collect, [])
    .option('--production', 'analyse without test files')
    .option('--allow-dirty', 'edit files with uncommitted changes or untracked by git')
    .option('--no-git', 'allow edits outside a git repository')
    .option('--force', 'clean up even when verification fails before any edit (removals are then not verified), or when it would delete more than half of the files')
    .option('--unverified', 'clean up even when nothing can verify the result (no tsconfig.json, no cleanup.verify)')
    .option('--reporter <name>', 'text or json', 'text')
    .action(async (flags: CleanupFlags) => {
      if (flags.reporter !== 'text' && flags.reporter !== 'json') throw new UsageError(`--reporter ${flags.reporter}: cleanup supports text and json`);
      const { runCleanup, runUndo } = await import('../cleanup/run-cleanup.js');
      if (flags.undo !== undefined) {
        const id = flags.undo === true ? undefined : Number(flags.undo);
        if (id !== undefined && !Number.isInteger(id)) throw new UsageError(`--undo ${flags.undo}: expected a cleanup id`);
        const result = await runUndo({ root: flags.root, configFile: flags.config, id });
        printNotices(result.notices);
        if (flags.reporter === 'json') process.stdout.write(`${JSON.stringify({ version: 1, cleanupId: result.cleanupId, restored: result.restored, refused: result.refused }, null, 2)}\n`);
        else {
          process.stdout.write(`Undid cleanup #${result.cleanupId}: ${result.restored.length} file${result.restored.length === 1 ? '' : 's'} restored\n`);
          for (const { file, reason } of result.refused) process.stdout.write(`  not restored: ${file} (${reason})\n`);
        }
        setExitCode(result.exitCode);
        return;
      }
      const result = await runCleanup({
        root: flags.root,
        configFile: flags.config,
        production: flags.production === true,
        scope: {
          ...(flags.rule.length > 0 ? { rules: flags.rule } : {}),
          ...(flags.file.length > 0 ? { files: flags.file } : {}),
          ...(flags.component.length > 0 ? { components: flags.component } : {}),
        },
        fix: flags.fix === true,
        force: flags.force === true,
        unverified: flags.unverified === true,
        allowDirty: flags.allowDirty === true,
        noGit: !flags.git,
      });
      printNotices(result.notices);
      const { formatCleanupJson, formatCleanupText } = await import('../report/format-cleanup.js');
      process.stdout.write(flags.reporter === 'json' ? formatCleanupJson(result) : formatCleanupText(result, { color: useColor(process.stdout) }));
      setExitCode(result.exitCode);
    });
}
