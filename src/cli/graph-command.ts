import { writeFileAtomic } from '../files/write-file-atomic.js';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { printNotices } from './print-notices.js';

interface GraphFlags {
  root: string;
  config?: string;
  production?: boolean;
  level?: string;
  symbol?: string;
  depth: string;
  format?: string;
  output?: string;
}

const FORMAT_BY_EXTENSION: Record<string, 'dot' | 'svg' | 'mermaid'> = { '.dot': 'dot', '.gv': 'dot', '.svg': 'svg', '.mmd': 'mermaid', '.mermaid': 'mermaid' };

/** `orch-guard graph`: files, components or one symbol's neighbourhood as DOT, SVG or Mermaid. */
export function registerGraphCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('graph')
    .description('A picture of the graph: files, components (declared requires next to actual imports, violations red) or the neighbourhood of one symbol.')
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--production', 'leave test files out')
    .option('--level <level>', 'files or components (default: components when the config declares them, else files)')
    .option('--symbol <symbol-or-file>', 'draw the callers and callees of one symbol (`path#Name` or `Name`) or file')
    .option('--depth <n>', 'levels of callers and callees with --symbol', '1')
    .option('--format <format>', 'dot, svg (needs Graphviz) or mermaid (default: from --output\'s extension, else dot)')
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (flags: GraphFlags) => {
      if (flags.level !== undefined && flags.level !== 'files' && flags.level !== 'components') throw new UsageError(`--level ${flags.level}: expected files or components`);
      if (flags.level !== undefined && flags.symbol !== undefined) throw new UsageError('--level and --symbol cannot be combined');
      const depth = Number(flags.depth);
      if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`--depth ${flags.depth}: expected a positive integer`);
      const format = flags.format ?? (flags.output === undefined ? undefined : FORMAT_BY_EXTENSION[path.extname(flags.output)]) ?? 'dot';
      if (format !== 'dot' && format !== 'svg' && format !== 'mermaid') throw new UsageError(`--format ${format}: expected dot, svg or mermaid`);
      const { runGraph } = await import('../query/run-graph.js');
      const { output, notices } = await runGraph({
        root: flags.root,
        configFile: flags.config,
        production: flags.production === true,
        depth,
        format,
        ...(flags.level !== undefined ? { level: flags.level } : {}),
        ...(flags.symbol !== undefined ? { symbol: flags.symbol } : {}),
      });
      printNotices(notices);
      if (flags.output !== undefined) writeFileAtomic(path.resolve(flags.output), output);
      else process.stdout.write(output);
      setExitCode(0);
    });
}
