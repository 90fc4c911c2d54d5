import { deadDeclarationFinding } from '../src/rule-engine/dead-declaration-finding.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { explainDead } from '../src/rule-engine/explain-dead.js';
import type { Rule } from '../src/rule-engine/rule.js';
import { DeclarationFlag } from '../src/indexer/facts.js';

export const unusedClassMember: Rule = {
  meta: {
    id: 'unused-class-member',
    description: 'A method, accessor or property of a live class that no live code uses.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Methods, accessors, properties and static members of live classes when no live code reads a property of that name from any object (`this.m()`, `c.m()`, `C.m`, `{ m } = c`); a read with a key nobody can name (`svc[key]`) uses every member of the object\'s class when its bindings name the class (`new C()`, `: C`, a field of that type, `key as keyof C`). Members that code outside the project may call without naming them are never flagged: of decorated classes, of classes that extend or implement something the project does not declare, of classes whose `this` escapes (`register(this)`, `this[key]`), decorated members and the other members of classes that have them (DTOs, entities, components), data shapes (classes of only uninitialised fields, filled and serialised by outside code), conventional names (`toJSON`, `connectedCallback`, the iterator protocol\'s `next`), and the exported classes of entry files unless `--include-entry-exports`. Public members and properties are reported with low confidence: an instance handed to outside code, or serialised, can be read without a name in the project.',
      why: 'A method nobody calls is dead code inside live code: it is read, reviewed and kept in step for nothing, and what only it calls looks used.',
      fix: 'Delete the member (and what only it uses), or call it from the code that needs it.',
      flaggedExample: 'export class Cart {\n  total() { return 1; }\n  legacyTotal() { return 2; } // never called\n}\nexport const sum = new Cart().total();',
      cleanExample: 'export class Cart {\n  total() { return 1; }\n}\nexport const sum = new Cart().total();',
    },
  },
  check(context) {
    const findings = [];
    for (const file of context.files) {
      if (!context.isAnalysedFile(file) || file.isTest) continue;
      const { declarations } = file.facts;
      for (const [index, member] of declarations.entries()) {
        if ((member.kind !== 'method' && member.kind !== 'property') || member.parent < 0) continue;
        const owner = declarations[member.parent];
        if (owner.kind !== 'class' || !context.isLive(file.firstDeclarationNode + member.parent)) continue;
        // Overload signatures and a get/set pair are one member: reported once, at the first.
        const previous = declarations[index - 1];
        if (previous !== undefined && previous.parent === member.parent && previous.name === member.name && previous.kind === member.kind) continue;
        const node = file.firstDeclarationNode + index;
        if (context.isLive(node) || !context.graph.memberGates.has(node)) continue;
        const explanation = explainDead(context.graph, node);
        const symbol = `${owner.name}.${member.name}`;
        const isPrivate = (member.flags & DeclarationFlag.Private) !== 0;
        const what = member.kind === 'property' ? 'Property' : 'Method';
        findings.push({
          ...deadDeclarationFinding(file, member, symbol, explanation),
          ...(isPrivate && member.kind === 'method' ? {} : {
            confidence: 'low' as const,
            uncertainty: member.kind === 'property'
              ? 'a property can be read without its name (serialisation, spread, Object.keys)'
              : 'a public method can be called by code outside the project that receives an instance',
          }),
          message: `${what} \`${symbol}\` is never used: ${describeReason(explanation)}. Delete it, or use it from the code that needs it.`,
        });
      }
    }
    return findings;
  },
};
