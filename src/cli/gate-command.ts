import type { Command } from 'commander';
import type { GatePhase } from '../gates/gate-summary.js';
import { collect } from './options.js';
import { printNotices } from './print-notices.js';
import { parseReporterSpecs, writeReports } from './terminal.js';

interface GateFlags {
  root: string;
  config?: string;
  component?: string;
  production?: boolean;
  baseline?: string | false;
  reporter: string[];
}

const PHASES: Array<{ phase: GatePhase; description: string }> = [
  { phase: 'plan', description: 'Before planning: the contracts name declared components, `requires` has no cycle, and every required symbol exists or is pending in its provider\'s `provides`.' },
  { phase: 'build', description: 'Before building a component (--component): everything it requires exists now, with the right kind.' },
  { phase: 'validate', description: 'After building: all contracts hold, no boundary violations, no dead code; findings attributed to components.' },
  { phase: 'cleanup', description: 'Before cleanup: lists what the cleanup phase would remove, by component; blocked while anything is removable.' },
];

/** `orch-guard gate <phase>`: exit 0 when the gate passes, 1 when it blocks. */
export function registerGateCommand(program: Command, setExitCode: (code: number) => void): void {
  const gate = program.command('gate').description('Integration gates for the phases plan → build → validate → cleanup (exit 0 pass, 1 blocked).');
  for (const { phase, description } of PHASES) {
    const command = gate.command(phase).description(description)
      .option('--root <dir>', 'project root', '.')
      .option('--config <file>', 'config file (default: orch.config.* in the root)')
      .option('--reporter <name[:file]>', 'output format, optionally to a file; repeatable', collect, []);
    if (phase === 'build') command.option('--component <name>', 'the component about to be built');
    if (phase === 'validate' || phase === 'cleanup') {
      command.option('--production', 'leave test files out').option('--baseline <file>', 'baseline file').option('--no-baseline', 'ignore the baseline file');
    }
    command.action(async (flags: GateFlags) => {
      const reporterSpecs = parseReporterSpecs(flags.reporter);
      const { runGate } = await import('../gates/run-gate.js');
      const result = await runGate(phase, {
        root: flags.root,
        configFile: flags.config,
        component: flags.component,
        production: flags.production,
        baseline: flags.baseline,
      });
      printNotices(result.notices);
      await writeReports(result, reporterSpecs, process.cwd());
      setExitCode(result.exitCode);
    });
  }
}
