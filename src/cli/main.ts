import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { isUserFacingError } from '../errors.js';
import { removeTemporaryFilesOfKilledWriters } from '../files/temporary-files-log.js';
import { packageVersion } from '../package-version.js';

// Required as the CommonJS it is: imported as an ES module, Node first scans its source for the
// names it exports, a few milliseconds of every run.
const commander = createRequire(import.meta.url)('commander') as typeof import('commander');

type Register = (program: Command, setExitCode: (code: number) => void, binFile: string) => Promise<void>;

/**
 * The commands, in help order, each loaded only when needed: a run of one command loads the
 * definitions (and their imports) of that command alone; help and unknown names load all.
 */
const COMMANDS: Array<{ names: string[]; register: Register }> = [
  { names: ['validate'], register: async (program, setExitCode) => (await import('./validate-command.js')).registerValidateCommand(program, setExitCode) },
  { names: ['baseline'], register: async (program, setExitCode) => (await import('./baseline-command.js')).registerBaselineCommand(program, setExitCode) },
  { names: ['hook'], register: async (program, setExitCode, binFile) => (await import('./hook-command.js')).registerHookCommand(program, setExitCode, binFile) },
  { names: ['gate'], register: async (program, setExitCode) => (await import('./gate-command.js')).registerGateCommand(program, setExitCode) },
  { names: ['cleanup'], register: async (program, setExitCode) => (await import('./cleanup-command.js')).registerCleanupCommand(program, setExitCode) },
  { names: ['report'], register: async (program, setExitCode) => (await import('./report-command.js')).registerReportCommand(program, setExitCode) },
  { names: ['run'], register: async (program, setExitCode) => (await import('./run-command.js')).registerRunCommand(program, setExitCode) },
  { names: ['status'], register: async (program, setExitCode) => (await import('./status-command.js')).registerStatusCommand(program, setExitCode) },
  { names: ['metrics'], register: async (program, setExitCode) => (await import('./metrics-command.js')).registerMetricsCommand(program, setExitCode) },
  { names: ['registry', 'usage', 'why'], register: async (program) => (await import('./query-commands.js')).registerQueryCommands(program) },
  { names: ['entries'], register: async (program, setExitCode) => (await import('./entries-command.js')).registerEntriesCommand(program, setExitCode) },
  { names: ['graph'], register: async (program, setExitCode) => (await import('./graph-command.js')).registerGraphCommand(program, setExitCode) },
  { names: ['mcp'], register: async (program, setExitCode) => (await import('./mcp-command.js')).registerMcpCommand(program, setExitCode) },
  { names: ['init'], register: async (program, setExitCode, binFile) => (await import('./init-command.js')).registerInitCommand(program, setExitCode, binFile) },
];

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
    // Litter of an orch-guard killed while writing (kill -9 between a write and its rename).
    removeTemporaryFilesOfKilledWriters();
    const program = new commander.Command('orch-guard')
      .description('Stops dead code from being born: a symbol-level code registry, reachability analysis and integration gates for TypeScript/JavaScript.')
      .version(packageVersion(), '-v, --version')
      .option('--debug', 'print stack traces for errors')
      .exitOverride()
      .showSuggestionAfterError();
    // The command is the first word after the program's own flags (none of which takes a value).
    const named = argv.slice(2).find((word) => !word.startsWith('-'));
    const only = COMMANDS.find((command) => named !== undefined && command.names.includes(named));
    for (const command of only !== undefined ? [only] : COMMANDS) await command.register(program, setExitCode, binFile);
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof commander.CommanderError) {
      // Commander already printed its one-line message (or the help / version).
      return error.exitCode === 0 ? ExitCode.Clean : ExitCode.Error;
    }
    const environment = environmentProblem(error);
    if (isUserFacingError(error)) {
      process.stderr.write(`orch-guard: ${error.message}\n`);
    } else if (environment !== undefined) {
      process.stderr.write(`orch-guard: ${environment} (${(error as Error).message.split('\n')[0]})\n`);
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

/** Failures of the machine, not of orch-guard: said as what they are, not as an internal error. */
function environmentProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'the disk is full';
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return 'the registry is locked by another process; try again when it has finished';
  if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) return 'the registry could not be read or written (is the disk full?)';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return undefined;
}
