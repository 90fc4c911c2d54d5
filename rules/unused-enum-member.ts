import { deadDeclarationFinding } from '../src/rule-engine/dead-declaration-finding.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { explainDead } from '../src/rule-engine/explain-dead.js';
import type { Rule } from '../src/rule-engine/rule.js';
import { DeclarationFlag } from '../src/indexer/facts.js';

export const unusedEnumMember: Rule = {
  meta: {
    id: 'unused-enum-member',
    description: 'A member of a live enum that no live code reads.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Members of enums that are themselves in use, when no live code reads the member (`E.A`, `E[\'A\']`, destructuring or another member\'s initializer). Using the enum object as a whole (`Object.values(E)`, `E[key]`), or the enum as a set of keys (`Record<E, V>`, `[K in E]`, a template literal type `${E}`), counts as using every member; a string cast to a string enum (`\'a\' as E`) reads the member with that value. A numeric member of an enum that live code uses as a type is reported with low confidence: a number can select it (`setLevel(1)`).',
      why: 'An enum member nobody reads is a state the program never produces or handles; it suggests handling that does not exist.',
      fix: 'Delete the member, or handle it where the enum is used.',
      flaggedExample: 'export enum Status { Active, Legacy } // Legacy is never read\nexport const isActive = (s: Status) => s === Status.Active;',
      cleanExample: 'export enum Status { Active }\nexport const isActive = (s: Status) => s === Status.Active;',
    },
  },
  check(context) {
    const findings = [];
    // Enums that live code names as a type: a number can be passed or assigned where one is expected.
    const typedAs = new Set(context.graph.symbolReferences
      .filter((reference) => reference.kind === 'type' && context.isLive(reference.from)).map((reference) => reference.to));
    for (const file of context.files) {
      if (!context.isAnalysedFile(file)) continue;
      for (const [index, member] of file.facts.declarations.entries()) {
        if (member.kind !== 'enum-member') continue;
        const owner = file.facts.declarations[member.parent];
        if ((owner.flags & DeclarationFlag.Ambient) !== 0) continue;
        if (!context.isLive(file.firstDeclarationNode + member.parent)) continue;
        const node = file.firstDeclarationNode + index;
        if (context.isLive(node)) continue;
        const explanation = explainDead(context.graph, node);
        const symbol = `${owner.name}.${member.name}`;
        findings.push({
          ...deadDeclarationFinding(file, member, symbol, explanation),
          ...((member.flags & DeclarationFlag.StringValue) === 0 && typedAs.has(file.firstDeclarationNode + member.parent) ? {
            confidence: 'low' as const,
            uncertainty: `\`${owner.name}\` is used as a type, and a numeric member can be selected by its number (\`f(1)\` for a parameter of that type)`,
          } : {}),
          message: `Enum member \`${symbol}\` is never read: ${describeReason(explanation)}. Delete it, or handle it where the enum is used.`,
        });
      }
    }
    return findings;
  },
};
