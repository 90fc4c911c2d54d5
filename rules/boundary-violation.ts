import type { Rule } from '../src/rule-engine/rule.js';
import { parseRequirement } from '../src/config/requirement.js';
import { resolvedFiles } from '../src/resolve/resolved-files.js';

export const boundaryViolation: Rule = {
  meta: {
    id: 'boundary-violation',
    description: 'A component imports from a component it neither requires nor may import.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Imports (of any form, types included) from a file of one component into a file of another component that is not in its `requires` or `mayImport`. Imports of external packages and of files that belong to no component are allowed.',
      why: 'Undeclared dependencies are how components grow into each other; the contract is only worth something if the code keeps to it.',
      fix: 'Add the component to `requires` (with the symbols used) or `mayImport`, or move the code to where it belongs.',
      flaggedExample: '// src/billing/invoice.ts (billing requires nothing)\nimport { currentUser } from \'../api/session\';',
      cleanExample: '// orch.config.ts: billing: { paths: [\'src/billing/**\'], requires: [\'api:currentUser\'] }',
    },
  },
  check(context) {
    const model = context.contracts;
    if (model === undefined) return [];
    const allowed = new Map(Object.entries(model.components).map(([name, component]) => [name, new Set([
      name,
      ...(component.mayImport ?? []),
      ...(component.requires ?? []).flatMap((text) => {
        const requirement = parseRequirement(text);
        if (requirement?.component !== undefined) return [requirement.component];
        const owner = requirement?.path !== undefined ? model.componentOfFile.get(requirement.path) : undefined;
        return owner !== undefined ? [owner] : [];
      }),
    ])]));
    const findings = [];
    for (const file of context.files) {
      const from = model.componentOfFile.get(file.path);
      if (from === undefined) continue;
      for (const [index, fact] of file.facts.imports.entries()) {
        const resolution = file.resolutions[index];
        const targets = resolvedFiles(resolution);
        const crossed = [...new Set(targets.map((target) => model.componentOfFile.get(target)).filter((to): to is string => to !== undefined && !allowed.get(from)?.has(to)))];
        for (const to of crossed) {
          findings.push({
            file: file.path,
            line: fact.line,
            column: fact.column,
            symbol: fact.specifier,
            kind: 'import',
            component: from,
            reason: 'boundary' as const,
            message: `Component ${from} imports \`${fact.specifier}\` from component ${to}, which it neither requires nor may import. Add ${to} to components.${from}.requires or mayImport, or move the code.`,
          });
        }
      }
    }
    return findings;
  },
};
