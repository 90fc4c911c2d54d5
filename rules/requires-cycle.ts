import type { Rule } from '../src/rule-engine/rule.js';
import { parseRequirement } from '../src/config/requirement.js';
import { configLineOf } from '../src/contracts/contract-model.js';

export const requiresCycle: Rule = {
  meta: {
    id: 'requires-cycle',
    description: 'Components that require each other in a cycle.',
    defaultSeverity: 'error',
    docs: {
      flags: 'A cycle in the graph of `components.<name>.requires` (each entry naming a component, directly or through `<component>:<Symbol>`), reported once with its path.',
      why: 'Components in a cycle cannot be built one before the other: the plan has no order, and the code will grow into one tangle.',
      fix: 'Break the cycle: move what both need into a component of its own, or invert one dependency.',
      flaggedExample: 'components: {\n  api: { paths: [\'src/api/**\'], requires: [\'billing\'] },\n  billing: { paths: [\'src/billing/**\'], requires: [\'api\'] },\n}',
      cleanExample: 'components: {\n  api: { paths: [\'src/api/**\'], requires: [\'billing\'] },\n  billing: { paths: [\'src/billing/**\'] },\n}',
    },
  },
  check(context) {
    const model = context.contracts;
    if (model === undefined) return [];
    return findCycles(model.components).map((cycle) => {
      const path = [...cycle, cycle[0]].join(' → ');
      const first = (model.components[cycle[0]].requires ?? []).find((text) => parseRequirement(text)?.component === cycle[1]) ?? cycle[1];
      return {
        file: model.configFile,
        line: configLineOf(model, first),
        column: 1,
        symbol: path,
        kind: 'requires-cycle',
        component: cycle[0],
        reason: 'missing-dependency' as const,
        message: `Components require each other in a cycle: ${path}. Move what they share into a component of its own, or invert one dependency.`,
      };
    });
  },
};

/** Elementary cycles of the requires graph, each once, starting at its first component in config order. */
function findCycles(components: Record<string, { requires?: string[] }>): string[][] {
  const names = Object.keys(components);
  const edges = new Map(names.map((name) => [name, [...new Set((components[name].requires ?? [])
    .map((text) => parseRequirement(text)?.component)
    .filter((target): target is string => target !== undefined && target !== name))]]));
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (start: string, current: string, path: string[]) => {
    for (const next of edges.get(current) ?? []) {
      if (next === start) {
        const key = [...path].sort().join('\0');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push([...path]);
        }
      } else if (!path.includes(next) && names.indexOf(next) > names.indexOf(start)) {
        visit(start, next, [...path, next]);
      }
    }
  };
  for (const name of names) visit(name, name, [name]);
  return cycles;
}
