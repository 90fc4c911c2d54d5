import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { QuerySource, QueryView } from '../query/query-view.js';
import { printNotices } from './print-notices.js';

interface QueryFlags {
  root: string;
  config?: string;
  production?: boolean;
  reporter: string;
  kind?: string;
  depth?: string;
}

/** `registry find`, `usage` and `why`: the registry as a tool for builders and agents. */
export function registerQueryCommands(program: Command): void {
  const withCommon = (command: Command) => command
    .option('--root <dir>', 'project root', '.')
    .option('--config <file>', 'config file (default: orch.config.* in the root)')
    .option('--production', 'leave test files out')
    .option('--reporter <name>', 'text or json', 'text');

  const registry = program.command('registry').description('Query the shared code registry (so nobody writes a helper twice).');
  withCommon(registry.command('find <pattern>')
    .description('Where symbols named <pattern> (a name or a glob such as `format*`) are defined: kind, signature, component, live callers.')
    .option('--kind <kind>', 'only this kind: function, class, variable, type, interface, enum, namespace, method, property, enum-member'))
    .action((pattern: string, flags: QueryFlags) => runQuery(flags, async (view) => {
      const [{ formatFound }, { findSymbols }] = await Promise.all([import('../query/format-query.js'), import('../query/symbol-queries.js')]);
      return formatFound(pattern, findSymbols(view, pattern, flags.kind), isJson(flags));
    }));

  withCommon(program.command('usage <symbol-or-file>')
    .description('Callers and callees of a symbol (`path#Name` or `Name`) or a file.')
    .option('--depth <n>', 'levels of callers and callees to show', '1'))
    .action((address: string, flags: QueryFlags) => runQuery(flags, async (view) => {
      const depth = Number(flags.depth ?? '1');
      if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`--depth ${flags.depth}: expected a positive integer`);
      const [{ formatUsage }, { resolveTarget }, { usageOf }] = await Promise.all([
        import('../query/format-query.js'), import('../query/resolve-target.js'), import('../query/symbol-queries.js'),
      ]);
      const target = resolveTarget(view, address, 'usage');
      return formatUsage(target.label, usageOf(view, target, depth), isJson(flags));
    }));

  withCommon(program.command('why <symbol-or-file>')
    .description('The shortest chain of uses from an entry that keeps a symbol or file alive, or why it is dead.'))
    .action((address: string, flags: QueryFlags) => runQuery(flags, async (view) => {
      const [{ formatWhy }, { resolveTarget }, { whyLive }] = await Promise.all([
        import('../query/format-query.js'), import('../query/resolve-target.js'), import('../query/symbol-queries.js'),
      ]);
      return formatWhy(whyLive(view, resolveTarget(view, address, 'why')), isJson(flags));
    }));
}

function isJson(flags: QueryFlags): boolean {
  if (flags.reporter !== 'text' && flags.reporter !== 'json') throw new UsageError(`--reporter ${flags.reporter}: this command supports text and json`);
  return flags.reporter === 'json';
}

const SOURCE_DESCRIPTIONS: Record<QuerySource, string> = {
  unchanged: 'answered from the stored graph; nothing the project was loaded from changed',
  stored: 'answered from the stored graph after loading the project',
  analysed: 'answered from a fresh analysis',
};

/** Answers from the graph the registry stored when nothing changed since (see src/query/query-source.ts). */
async function runQuery(flags: QueryFlags, answer: (view: QueryView) => Promise<string>): Promise<void> {
  isJson(flags);
  const notices: string[] = [];
  const [{ withQueryView }, { installDiskReadJournal }] = await Promise.all([import('../query/query-source.js'), import('../files/disk-read-journal.js')]);
  // Before the config or the project's code is loaded (TypeScript keeps fs functions from its
  // start): a warm query can then tell that nothing loading the project read has changed.
  installDiskReadJournal();
  let source = '';
  const output = await withQueryView({ root: flags.root, configFile: flags.config, production: flags.production, notices, onSource: (from) => (source = from) }, (view) => answer(view));
  printNotices(notices);
  if (process.argv.includes('--debug')) process.stderr.write(`orch-guard: debug: ${SOURCE_DESCRIPTIONS[source as QuerySource]}\n`);
  process.stdout.write(output);
}
