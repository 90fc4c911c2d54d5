import { deadDeclarationFinding } from '../src/rule-engine/dead-declaration-finding.js';
import { deadNamespaceMembers } from '../src/rule-engine/namespace-members.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { analyseExports } from '../src/rule-engine/export-usage.js';
import type { Rule } from '../src/rule-engine/rule.js';

export const unusedType: Rule = {
  meta: {
    id: 'unused-type',
    description: 'An exported type alias, interface or enum that no live code in another module uses.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Exported type aliases, interfaces and enums that no live code in another module refers to, with the same semantics as unused-export. A type named in the signature of a used export is used (declaration emit needs it), and so is one named inside the body of a used export whose return type is inferred, outside a local variable\'s annotation (it may be part of that type).',
      why: 'Unused exported types describe data nobody exchanges; they drift from the real shapes and mislead readers.',
      fix: 'Remove the `export` keyword when only its own file uses the type, or delete it.',
      flaggedExample: '// src/types.ts\nexport interface User { id: string }\nexport interface LegacyUser { uid: number } // nobody uses it\n\n// src/index.ts\nimport type { User } from \'./types\';\nexport const load = (id: string): User => ({ id });',
      cleanExample: '// src/types.ts\nexport interface User { id: string }\n\n// src/index.ts\nimport type { User } from \'./types\';\nexport const load = (id: string): User => ({ id });',
    },
  },
  check(context) {
    const members = deadNamespaceMembers(context)
      .filter((dead) => dead.exported && TYPE_KINDS.has(dead.member.kind))
      .map(({ file, member, symbol, explanation }) => ({
        ...deadDeclarationFinding(file, member, symbol, explanation),
        message: `Exported ${member.kind} \`${symbol}\` is unused: ${describeReason(explanation)}. Remove it from the namespace.`,
      }));
    return [...members, ...analyseExports(context)
      .filter((usage) => usage.unused !== undefined && usage.isType)
      .map(({ file, fact, kind, unused }) => ({
        file: file.path,
        line: fact.line,
        column: fact.column,
        symbol: fact.name,
        kind,
        reason: unused!.reason,
        ...(unused!.referrers !== undefined ? { referrers: unused!.referrers } : {}),
        message: `Exported ${kind} \`${fact.name}\` is unused by other modules: ${describeReason(unused!)}. ${unused!.reason === 'only-referenced-in-own-file' ? 'Remove the `export` keyword.' : 'Remove it.'}`,
      }))];
  },
};

const TYPE_KINDS = new Set(['type', 'interface', 'enum']);
