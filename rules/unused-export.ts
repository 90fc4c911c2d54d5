import { deadDeclarationFinding } from '../src/rule-engine/dead-declaration-finding.js';
import { deadNamespaceMembers } from '../src/rule-engine/namespace-members.js';
import { exportLoadTimeEffect, INITIALIZER_UNCERTAINTY } from '../src/rule-engine/load-time-effects.js';
import { exportUncertainty } from '../src/rule-engine/uncertain-reach.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { analyseExports } from '../src/rule-engine/export-usage.js';
import type { Rule } from '../src/rule-engine/rule.js';

export const unusedExport: Rule = {
  meta: {
    id: 'unused-export',
    description: 'An exported value that no live code in another module uses.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Exported functions, classes, variables, namespaces and default exports that no live code in another module imports, including exports used only inside their own file and exports used only by dead code. Not reported: classes and functions named as types in a used export\'s signature (declaration emit needs them), live classes registered as custom elements (`customElements.define(\'x-tag\', X)`: used by their tag), and `@public` (or the release tags `@beta`, `@alpha`) or `@internal` (with `--production`) exports.',
      why: 'An export is a promise that someone needs this. When nobody does, the code looks wired in while it is not, and the dead code it keeps alive is never found.',
      fix: 'Remove the `export` keyword when the file uses the symbol itself, delete the declaration when nothing uses it, or wire it into the code that should call it. Mark intended public API with JSDoc `@public`.',
      flaggedExample: '// src/math.ts\nexport function add(a: number, b: number) { return a + b; }\nexport function sub(a: number, b: number) { return a - b; } // nobody imports sub\n\n// src/index.ts\nimport { add } from \'./math\';\nconsole.log(add(1, 2));',
      cleanExample: '// src/math.ts\nexport function add(a: number, b: number) { return a + b; }\n\n// src/index.ts\nimport { add } from \'./math\';\nconsole.log(add(1, 2));',
    },
  },
  check(context) {
    const members = deadNamespaceMembers(context)
      .filter((dead) => dead.exported && !TYPE_KINDS.has(dead.member.kind))
      .map(({ file, member, symbol, explanation }) => ({
        ...deadDeclarationFinding(file, member, symbol, explanation),
        message: `Export \`${symbol}\` is unused: ${describeReason(explanation)}. Remove it from the namespace, or wire it into the code that should use it.`,
      }));
    return [...members, ...analyseExports(context)
      .filter((usage) => usage.unused !== undefined && !usage.isType)
      .map(({ file, fact, kind, unused }) => ({
        file: file.path,
        line: fact.line,
        column: fact.column,
        symbol: fact.name,
        kind,
        reason: unused!.reason,
        ...(unused!.referrers !== undefined ? { referrers: unused!.referrers } : {}),
        ...(exportLoadTimeEffect(file, fact) === 'initializer'
          ? {
            ...INITIALIZER_UNCERTAINTY,
            message: `Export \`${fact.name}\` is unused by other modules, but its initializer registers something when the module loads. Remove the \`export\` keyword if that effect is wanted, else delete it with its effect.`,
          }
          : exportLoadTimeEffect(file, fact) === 'registers'
          ? {
            confidence: 'low' as const,
            uncertainty: 'the declaration registers itself when its module loads (a static block, or a decorator on it or on a member): removing it removes that effect',
            message: `Export \`${fact.name}\` is unused by other modules, but the declaration registers itself when its module loads. Remove the \`export\` keyword if the registration is wanted, else delete it with its registration.`,
          }
          : {
            ...exportUncertainty(context, fact.name),
            message: `Export \`${fact.name}\` is unused by other modules: ${describeReason(unused!)}. ${unused!.reason === 'only-referenced-in-own-file' ? 'Remove the `export` keyword.' : 'Remove it, or wire it into the code that should use it.'}`,
          }),
      }))];
  },
};

const TYPE_KINDS = new Set(['type', 'interface', 'enum']);
