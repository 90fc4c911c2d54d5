import type { Rule } from '../src/rule-engine/rule.js';

export const circularImport: Rule = {
  meta: {
    id: 'circular-import',
    description: 'Project files that import each other in a cycle when they load.',
    defaultSeverity: 'off',
    recommendedSeverity: 'warn',
    docs: {
      flags: 'A cycle of load-time imports between project files (static imports, re-exports, `require`, `import x = require()`), found on the same resolved graph as every other rule. Type-only imports (`import type`, or every binding `type`) and dynamic `import()` are left out: they do not run when the module loads. Each group of files that reach each other is reported once, at the first file in path order, with its shortest cycle; the message says when the group is larger.',
      why: 'In a cycle one module runs before the module it imports has finished: its exports are still `undefined` or in the temporal dead zone, and the order depends on which file loads first. Cycles also tie files together so that neither can be changed, tested or moved alone.',
      fix: 'Move what both files need into a third module they both import, invert one dependency (pass it in), or make one import type-only or lazy (`import()`) when it is only used later.',
      flaggedExample: '// src/order.ts\nimport { priceOf } from \'./price\';\nexport const currency = \'EUR\';\n// src/price.ts\nimport { currency } from \'./order\';',
      cleanExample: '// src/currency.ts\nexport const currency = \'EUR\';\n// src/order.ts\nimport { priceOf } from \'./price\';\n// src/price.ts\nimport { currency } from \'./currency\';',
    },
  },
  check(context) {
    return context.importCycles.map((cycle) => {
      const path = [...cycle.files, cycle.files[0]].join(' → ');
      const more = cycle.group.length > cycle.files.length ? ` (one of the cycles among ${cycle.group.length} files that import each other)` : '';
      const first = cycle.imports[0];
      return {
        file: first.from,
        line: first.line,
        column: first.column,
        symbol: path,
        kind: 'import-cycle',
        reason: 'import-cycle' as const,
        message: `Files import each other in a cycle: ${path}${more}. Move what they share into a module of its own, or make one import type-only or lazy.`,
      };
    });
  },
};
