import type { Rule } from '../src/rule-engine/rule.js';

export const duplicateProvider: Rule = {
  meta: {
    id: 'duplicate-provider',
    description: 'Two components define an export with the same name.',
    defaultSeverity: 'error',
    docs: {
      flags: 'A name exported by declarations in two different components (re-exports do not count; `default` is ignored). Reported at each definition after the first.',
      why: 'Two components providing `formatDate` means one was written because nobody knew the other existed, and callers now pick one at random.',
      fix: 'Keep one implementation, in the component that owns it, and make the other component require it.',
      flaggedExample: '// src/api/format.ts\nexport function formatDate() {}\n// src/billing/format.ts\nexport function formatDate() {}',
      cleanExample: '// src/billing/format.ts\nexport { formatDate } from \'../shared/format\';',
    },
  },
  check(context) {
    const model = context.contracts;
    if (model === undefined) return [];
    const definitions = new Map<string, Array<{ component: string; file: string; line: number; column: number }>>();
    for (const file of context.files) {
      const component = model.componentOfFile.get(file.path);
      if (component === undefined || file.isTest || file.isDeclarationFile) continue;
      for (const fact of file.facts.exports) {
        const isLocal = fact.declaration !== undefined || (fact.local !== undefined && file.declarationsByName.has(fact.local));
        if (!isLocal || fact.name === 'default' || fact.name === 'export=') continue;
        const list = definitions.get(fact.name) ?? [];
        list.push({ component, file: file.path, line: fact.line, column: fact.column });
        definitions.set(fact.name, list);
      }
    }
    const findings = [];
    for (const [name, list] of definitions) {
      const first = list[0];
      const seen = new Set([first.component]);
      for (const definition of list.slice(1)) {
        if (seen.has(definition.component)) continue;
        seen.add(definition.component);
        findings.push({
          file: definition.file,
          line: definition.line,
          column: definition.column,
          symbol: name,
          kind: 'export',
          component: definition.component,
          reason: 'duplicate-symbol' as const,
          referrers: [`${first.file}#${name}`],
          message: `\`${name}\` is also defined by component ${first.component} (${first.file}:${first.line}): two components provide it. Keep one and make ${definition.component} require it.`,
        });
      }
    }
    return findings;
  },
};
