import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { printNotices } from './print-notices.js';

interface InitFlags {
  root: string;
  yes?: boolean;
  hook?: boolean;
  ci?: boolean;
  force?: boolean;
}

/** `orch-guard init`: a config for this project, .gitignore, and on request the hook and a CI workflow. */
export function registerInitCommand(program: Command, setExitCode: (code: number) => void, binFile: string): void {
  program
    .command('init')
    .description('Detect the project (package manager, workspaces, frameworks, a knip or fallow config) and write orch.config.ts; optionally install the pre-commit hook and a CI workflow.')
    .option('--root <dir>', 'project root', '.')
    .option('-y, --yes', 'no questions: install the hook and write the CI workflow too')
    .option('--hook', 'install the pre-commit hook')
    .option('--no-hook', 'do not install the pre-commit hook')
    .option('--ci', 'write .github/workflows/orch-guard.yml')
    .option('--no-ci', 'do not write a CI workflow')
    .option('--force', 'replace an existing orch.config.*')
    .action(async (flags: InitFlags) => {
      const { runInit } = await import('../init/run-init.js');
      const interactive = process.stdin.isTTY === true && flags.yes !== true;
      const ask = async (question: string) => {
        if (!interactive) return flags.yes === true;
        const prompt = createInterface({ input: process.stdin, output: process.stderr });
        try {
          return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
        } finally {
          prompt.close();
        }
      };
      const result = await runInit({ root: flags.root, force: flags.force === true, hook: flags.hook, ci: flags.ci, ask, binFile });
      printNotices(result.notices);
      for (const change of result.changes) process.stdout.write(`${change}\n`);
      process.stdout.write('Next: `orch-guard validate`\n');
      setExitCode(0);
    });
}
