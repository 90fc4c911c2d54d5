import type { Rule } from '../src/rule-engine/rule.js';
import { configLineOf, evaluateRequirements } from '../src/contracts/contract-model.js';

export const contractRequirement: Rule = {
  meta: {
    id: 'contract-requirement',
    description: 'A component requires a symbol (or component) that does not exist, or not with the declared kind.',
    defaultSeverity: 'error',
    docs: {
      flags: 'Entries of `components.<name>.requires` that name a component with no files, a symbol the provider does not export (or only declares in `provides` without building it), a `path#Symbol` that does not exist, or a symbol of another kind than declared.',
      why: 'Integration-first work: a component is built against the contract of what it needs. When a dependency is missing, the component will be wired to nothing, or somebody will write the missing piece a second time.',
      fix: 'Build the missing symbol in the providing component (the message names it), fix the name or kind in the contract, or drop the requirement.',
      flaggedExample: '// orch.config.ts\ncomponents: {\n  api: { paths: [\'src/api/**\'], requires: [\'billing:createInvoice\'] },\n  billing: { paths: [\'src/billing/**\'] }, // src/billing/index.ts does not export createInvoice\n}',
      cleanExample: '// src/billing/index.ts\nexport function createInvoice() {}',
    },
  },
  check(context) {
    const model = context.contracts;
    if (model === undefined) return [];
    return evaluateRequirements(model, context.linked)
      .filter((status) => status.state !== 'ok')
      .map((status) => ({
        file: model.configFile,
        line: configLineOf(model, status.requirement.text),
        column: 1,
        symbol: status.requirement.text,
        // The plan gate accepts pending requirements: declared in `provides`, to be built.
        kind: status.state === 'pending' ? 'pending-requirement' : 'requirement',
        component: status.component,
        reason: 'missing-dependency' as const,
        message: `Component ${status.component} requires \`${status.requirement.text}\`, but ${status.detail}.${status.provider !== undefined ? ` Build it in component ${status.provider}` : ' Create it'}, or change the contract.`,
      }));
  },
};
