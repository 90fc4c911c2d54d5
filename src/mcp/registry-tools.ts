import { z } from 'zod';
import type { Analysis } from '../analyse/analyse.js';
import { formatWhy } from '../query/format-query.js';
import { resolveTarget } from '../query/resolve-target.js';
import { viewOfAnalysis } from '../query/query-view.js';
import { findSymbols, usageOf, whyLive } from '../query/symbol-queries.js';
import { capped, toolResult } from './tool-result.js';
import type { ToolRegistrar } from './tool-registrar.js';

const SYMBOL_LIMIT = 200;

/** Questions asked of the registry before writing code: does it exist, who uses it, why is it alive. */
export function registerRegistryTools(register: ToolRegistrar, withProjectAnalysis: <T>(work: (analysis: Analysis) => T) => Promise<T>): void {
  register('find_symbols', {
    title: 'Find symbols',
    description: 'Where symbols named like `pattern` (a name, or a glob such as `format*`) are defined in this project: kind, file:line, signature, component, exported, live, live callers. Ask before writing a helper: it may exist.',
    inputSchema: { pattern: z.string().min(1).describe('a name or a glob (`*`, `?`)'), kind: z.string().optional().describe('function, class, variable, type, interface, enum, namespace, method, property, enum-member') },
  }, ({ pattern, kind }) => withProjectAnalysis((analysis) => {
    const found = findSymbols(viewOfAnalysis(analysis), pattern, kind);
    const { items, truncated } = capped(found, SYMBOL_LIMIT);
    const live = found.filter((symbol) => symbol.live).length;
    const first = found[0] === undefined ? '' : `: ${found.slice(0, 3).map((symbol) => `${symbol.name} (${symbol.file}:${symbol.line})`).join(', ')}${found.length > 3 ? ', …' : ''}`;
    return toolResult(`${found.length === 1 ? '1 symbol matches' : `${found.length} symbols match`} "${pattern}" (${live} live)${first}`, { symbols: items, ...(truncated !== undefined ? { truncated } : {}) });
  }));

  register('symbol_usage', {
    title: 'Usage of a symbol',
    description: 'Callers and callees of a symbol (`path#Name`, `path#Enum.Member` or a unique `Name`) or of a file, `depth` levels deep, each marked live or dead.',
    inputSchema: { symbol: z.string().min(1), depth: z.number().int().min(1).max(5).optional() },
  }, ({ symbol, depth }) => withProjectAnalysis((analysis) => {
    const view = viewOfAnalysis(analysis);
    const target = resolveTarget(view, symbol, 'symbol_usage');
    const usage = usageOf(view, target, depth ?? 1);
    return toolResult(`${target.label}: ${usage.callers.length} caller${usage.callers.length === 1 ? '' : 's'}, ${usage.callees.length} callee${usage.callees.length === 1 ? '' : 's'}`, { target: target.label, ...usage });
  }));

  register('why', {
    title: 'Why is it live or dead',
    description: 'The shortest chain of uses from an entry that keeps a symbol or file alive, or the reason it is dead.',
    inputSchema: { symbol: z.string().min(1).describe('`path#Name`, a unique `Name`, or a file path') },
  }, ({ symbol }) => withProjectAnalysis((analysis) => {
    const view = viewOfAnalysis(analysis);
    const answer = whyLive(view, resolveTarget(view, symbol, 'why'));
    const summary = answer.live ? `${answer.target} is live: ${(answer.chain ?? []).join(' → ')}` : formatWhy(answer, false).trim();
    return toolResult(summary, { ...answer });
  }));

  register('list_contracts', {
    title: 'List component contracts',
    description: 'The components orch.config.ts declares: their paths and file counts, what each requires, provides (and whether it exists yet), who consumes it and what else it may import.',
    inputSchema: {},
  }, () => withProjectAnalysis((analysis) => {
    const model = analysis.context.contracts;
    if (model === undefined) return toolResult('The config declares no components.', { components: [] });
    const components = Object.entries(model.components).map(([name, component]) => ({
      name,
      paths: component.paths,
      files: (model.filesOfComponent.get(name) ?? []).length,
      requires: component.requires ?? [],
      provides: (model.provided.get(name) ?? []).map((symbol) => ({
        name: symbol.name,
        ...(symbol.kind !== undefined ? { kind: symbol.kind } : {}),
        status: symbol.file === undefined ? 'pending' : 'exists',
        ...(symbol.file !== undefined ? { file: symbol.file.path } : {}),
      })),
      consumedBy: component.consumedBy ?? [],
      mayImport: component.mayImport ?? [],
    }));
    const pending = components.flatMap((component) => component.provides.filter((symbol) => symbol.status === 'pending'));
    return toolResult(`${components.length} component${components.length === 1 ? '' : 's'}: ${components.map((component) => component.name).join(', ')}${pending.length > 0 ? `; ${pending.length} provided symbol${pending.length === 1 ? '' : 's'} not built yet` : ''}`, { components });
  }));
}
