import { describeReason } from '../rule-engine/describe-reason.js';
import type { FoundSymbol, UsageNode, WhyAnswer } from './symbol-queries.js';

/** Text and JSON for `registry find`, `usage` and `why` (pure: the CLI writes the string). */
export function formatFound(pattern: string, found: readonly FoundSymbol[], json: boolean): string {
  if (json) return `${JSON.stringify({ version: 1, query: pattern, symbols: found }, null, 2)}\n`;
  if (found.length === 0) return `No symbol matches "${pattern}".\n`;
  const lines = found.flatMap((symbol) => {
    const status = symbol.live ? `live, ${symbol.liveCallers} live caller${symbol.liveCallers === 1 ? '' : 's'}` : 'dead';
    const component = symbol.component !== null ? `  component ${symbol.component}` : '';
    return [
      `${symbol.name}  ${symbol.kind}  ${symbol.file}:${symbol.line}:${symbol.column}${component}  ${symbol.exported ? 'exported, ' : ''}${status}`,
      ...(symbol.signature !== null ? [`  ${symbol.signature}`] : []),
    ];
  });
  return `${lines.join('\n')}\n${found.length} symbol${found.length === 1 ? '' : 's'}\n`;
}

export function formatUsage(target: string, usage: { callers: UsageNode[]; callees: UsageNode[] }, json: boolean): string {
  if (json) return `${JSON.stringify({ version: 1, target, ...usage }, null, 2)}\n`;
  const render = (nodes: UsageNode[], indent: string): string[] => (nodes.length === 0 ? [`${indent}(none)`] : nodes.flatMap((node) => [
    `${indent}${node.label}${node.live ? '' : '  (dead)'}`,
    ...(node.children.length > 0 ? render(node.children, `${indent}  `) : []),
  ]));
  return `${[target, 'callers:', ...render(usage.callers, '  '), 'callees:', ...render(usage.callees, '  ')].join('\n')}\n`;
}

export function formatWhy(answer: WhyAnswer, json: boolean): string {
  if (json) return `${JSON.stringify({ version: 1, ...answer }, null, 2)}\n`;
  if (!answer.live) {
    return `${answer.target} is dead: ${answer.explanation === undefined ? 'nothing refers to it' : describeReason(answer.explanation)}.\n`;
  }
  const chain = answer.chain ?? [];
  return `${[`${answer.target} is live:`, ...chain.map((step, index) => `  ${index === 0 ? '' : '→ '}${step}`)].join('\n')}\n`;
}
