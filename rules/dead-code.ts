import { deadDeclarationFinding } from '../src/rule-engine/dead-declaration-finding.js';
import { deadNamespaceMembers } from '../src/rule-engine/namespace-members.js';
import { localUncertainty } from '../src/rule-engine/uncertain-reach.js';
import { describeReason } from '../src/rule-engine/describe-reason.js';
import { explainDead } from '../src/rule-engine/explain-dead.js';
import type { Rule } from '../src/rule-engine/rule.js';
import { DeclarationFlag } from '../src/indexer/facts.js';
import { isTypeAssertion } from '../src/rule-engine/type-tests.js';
import { INITIALIZER_UNCERTAINTY, loadTimeEffect } from '../src/rule-engine/load-time-effects.js';

const REPORTED_KINDS = new Set(['function', 'class', 'variable', 'type', 'interface', 'enum', 'namespace']);

export const deadCode: Rule = {
  meta: {
    id: 'dead-code',
    description: 'A non-exported declaration in a live file that no live code uses.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Top-level functions, classes, variables, types, interfaces, enums and namespaces that are not exported and that no live code references. Self-recursion is not use, and neither is use by other dead code, fake wiring (`void x;`, a template literal or string concatenation thrown away such as `` `${x}`; ``, code after a `return` or in an `if (false)` branch) or assigning a variable (`x = value`) that nothing reads. Type assertions are not reported: a declaration with a `@ts-expect-error` (before or inside it), and the declarations of type tests (`*.test-d.ts`, and test files that use `expectTypeOf`, `assertType`, tsd\'s `expectType` or `@ts-expect-error`), which the compiler checks and no code reads.',
      why: 'A helper nobody calls still costs reading, review and maintenance, and it makes everything it calls look used.',
      fix: 'Delete the declaration (and what only it uses), or call it from the code that needs it.',
      flaggedExample: 'function format(n: number) { return n.toFixed(2); }\nfunction legacyFormat(n: number) { return String(n); } // never called\nexport const price = format(3);',
      cleanExample: 'function format(n: number) { return n.toFixed(2); }\nexport const price = format(3);',
    },
  },
  check(context) {
    const findings = [];
    for (const file of context.files) {
      if (!context.isAnalysedFile(file)) continue;
      const exported = context.exportsOfDeclarations(file);
      for (const [index, declaration] of file.facts.declarations.entries()) {
        if (declaration.parent !== -1 || !REPORTED_KINDS.has(declaration.kind) || exported.has(index)) continue;
        if ((declaration.flags & (DeclarationFlag.Ambient | DeclarationFlag.Exported)) !== 0) continue;
        // A type test's declarations are read by the compiler, not by code.
        if (isTypeAssertion(file, declaration)) continue;
        const node = file.firstDeclarationNode + index;
        if (context.isLive(node)) continue;
        const explanation = explainDead(context.graph, node);
        const effect = loadTimeEffect(file, index);
        findings.push({
          ...deadDeclarationFinding(file, declaration, declaration.name, explanation),
          ...localUncertainty(context, file),
          ...(effect !== undefined ? INITIALIZER_UNCERTAINTY : {}),
          message: effect !== undefined
            ? `${capitalize(declaration.kind)} \`${declaration.name}\` is never read, but ${effect === 'registers' ? 'it registers itself' : 'its initializer registers something'} when the module loads. Keep the code that has the effect and drop the binding, or delete both if the effect is not wanted.`
            : `${capitalize(declaration.kind)} \`${declaration.name}\` is never used: ${describeReason(explanation)}. Delete it, or call it from the code that needs it.`,
        });
      }
    }
    for (const { file, member, symbol, exported, explanation } of deadNamespaceMembers(context)) {
      if (exported || !REPORTED_KINDS.has(member.kind)) continue;
      findings.push({
        ...deadDeclarationFinding(file, member, symbol, explanation),
        message: `${capitalize(member.kind)} \`${symbol}\` is never used: ${describeReason(explanation)}. Delete it, or call it from the code that needs it.`,
      });
    }
    return findings;
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
