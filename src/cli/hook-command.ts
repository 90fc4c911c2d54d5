import path from 'node:path';
import type { Command } from 'commander';
import { printNotices } from './print-notices.js';

/** `orch-guard hook install|uninstall`: the pre-commit gate. */
export function registerHookCommand(program: Command, setExitCode: (code: number) => void, binFile: string): void {
  const hook = program.command('hook').description('Install or remove the pre-commit hook that blocks commits introducing dead code.');
  hook.command('install')
    .description('Add `orch-guard validate --staged` to the pre-commit hook (git, husky, lefthook or simple-git-hooks).')
    .option('--root <dir>', 'project root', '.')
    .action(async (flags: { root: string }) => {
      const { installHook } = await import('../hook/install-hook.js');
      // The hook runs this installation's CLI when the project has none of its own.
      const change = installHook(flags.root, binFile);
      printNotices(change.warnings.map((warning) => `warning: ${warning}`));
      const where = path.relative(process.cwd(), change.file) || change.file;
      process.stdout.write(change.changed ? `Installed the orch-guard pre-commit hook (${change.manager}): ${where}\n` : `The orch-guard pre-commit hook is already installed (${change.manager}): ${where}\n`);
      if (change.hint !== undefined) process.stdout.write(`Next: ${change.hint}\n`);
      setExitCode(0);
    });
  hook.command('uninstall')
    .description('Remove exactly what `hook install` added.')
    .option('--root <dir>', 'project root', '.')
    .action(async (flags: { root: string }) => {
      const { uninstallHook } = await import('../hook/install-hook.js');
      const change = uninstallHook(flags.root);
      const where = path.relative(process.cwd(), change.file) || change.file;
      process.stdout.write(change.changed ? `Removed the orch-guard pre-commit hook (${change.manager}): ${where}\n` : `No orch-guard pre-commit hook to remove (${change.manager})\n`);
      if (change.changed && change.hint !== undefined) process.stdout.write(`Next: ${change.hint}\n`);
      setExitCode(0);
    });
}
