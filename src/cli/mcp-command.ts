import path from 'node:path';
import type { Command } from 'commander';
import { packageVersion } from '../package-version.js';

interface McpFlags {
  root: string;
  config?: string;
}

/** `orch-guard mcp`: the Model Context Protocol server for coding agents, over stdio. */
export function registerMcpCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('mcp')
    .description('Serve the registry, validate, gates and rule docs to coding agents as a Model Context Protocol server over stdio.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .action(async (flags: McpFlags) => {
      const { serveOverStdio } = await import('../mcp/start-server.js');
      await serveOverStdio({ root: path.resolve(flags.root), ...(flags.config !== undefined ? { config: flags.config } : {}), version: packageVersion() });
      setExitCode(0);
    });
}
