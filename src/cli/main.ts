import { Command, CommanderError } from 'commander';
import { isUserFacingError } from '../errors.js';
import { packageVersion } from '../package-version.js';
import { registerBaselineCommand } from './baseline-command.js';
import { registerCleanupCommand } from './cleanup-command.js';
import { registerEntriesCommand } from './entries-command.js';
import { registerGateCommand } from './gate-command.js';
import { registerGraphCommand } from './graph-command.js';
import { registerHookCommand } from './hook-command.js';
import { registerInitCommand } from './init-command.js';
import { registerMcpCommand } from './mcp-command.js';
import { registerQueryCommands } from './query-commands.js';
import { registerReportCommand } from './report-command.js';
import { registerRunCommand } from './run-command.js';
import { registerStatusCommand } from './status-command.js';
import { registerMetricsCommand } from './metrics-command.js';
import { registerValidateCommand } from './validate-command.js';

/** Exit codes: 0 clean, 1 findings (or a blocked gate), 2 usage, config or internal error. */
const ExitCode = { Clean: 0, Findings: 1, Error: 2 } as const;

/**
 * Parses the command line, runs the command and returns the exit code. Never throws.
 * `binFile`: this CLI's entry file, which an installed hook runs.
 */
export async function main(argv: readonly string[], binFile: string): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode: number = ExitCode.Clean;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  try {
    const program = new Command('orch-guard')
      .description('Stops dead code from being born: a symbol-level code registry, reachability analysis and integration gates for TypeScript/JavaScript.')
      .version(packageVersion(), '-v, --version')
      .option('--debug', 'print stack traces for errors')
      .exitOverride()
      .showSuggestionAfterError();
    registerValidateCommand(program, setExitCode);
    registerBaselineCommand(program, setExitCode);
    registerHookCommand(program, setExitCode, binFile);
    registerGateCommand(program, setExitCode);
    registerCleanupCommand(program, setExitCode);
    registerReportCommand(program, setExitCode);
    registerRunCommand(program, setExitCode);
    registerStatusCommand(program, setExitCode);
    registerMetricsCommand(program, setExitCode);
    registerQueryCommands(program);
    registerEntriesCommand(program, setExitCode);
    registerGraphCommand(program, setExitCode);
    registerMcpCommand(program, setExitCode);
    registerInitCommand(program, setExitCode, binFile);
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its one-line message (or the help / version).
      return error.exitCode === 0 ? ExitCode.Clean : ExitCode.Error;
    }
    if (isUserFacingError(error)) {
      process.stderr.write(`orch-guard: ${error.message}\n`);
    } else {
      // One line: messages of some libraries (ts-morph) go on for pages; --debug shows them whole.
      const message = error instanceof Error ? error.message : String(error);
      const line = debug ? message : message.split('\n')[0];
      process.stderr.write(`orch-guard: internal error: ${line}${debug ? '' : ' (run with --debug for details)'}\n`);
    }
    if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    return ExitCode.Error;
  }
}
