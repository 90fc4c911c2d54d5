import { describeReason } from '../src/rule-engine/describe-reason.js';
import type { Explanation } from '../src/rule-engine/explain-dead.js';
import { usersOf } from '../src/rule-engine/explain-dead.js';
import type { Rule } from '../src/rule-engine/rule.js';

export const contractUnconsumed: Rule = {
  meta: {
    id: 'contract-unconsumed',
    description: 'A provided symbol that a consuming component does not use from live production code.',
    defaultSeverity: 'error',
    docs: {
      flags: 'For each component with `consumedBy`, each symbol it provides that some consumer does not reach: no reference from the consumer\'s live production code. A reference from dead code, from tests only, or fake wiring such as `void createInvoice;` does not count.',
      why: 'This is "built but never wired in": the provider is finished and tested, the consumer compiles, and nothing calls it. Name matching cannot see it; reachability can.',
      fix: 'Call the symbol from the consumer\'s live code (where the feature belongs), or remove it from `provides` / the consumer from `consumedBy` if the contract changed.',
      flaggedExample: '// src/api/routes.ts (component api, consumedBy of billing)\nimport { createInvoice } from \'../billing\';\nvoid createInvoice; // fake wiring',
      cleanExample: '// src/api/routes.ts\nimport { createInvoice } from \'../billing\';\nexport const post = (order: Order) => createInvoice(order);',
    },
  },
  check(context) {
    const model = context.contracts;
    if (model === undefined) return [];
    const { graph } = context;
    const findings = [];
    for (const [provider, component] of Object.entries(model.components)) {
      for (const consumer of component.consumedBy ?? []) {
        const consumerFiles = new Set((model.filesOfComponent.get(consumer) ?? []).filter((file) => !file.isTest).map((file) => file.index));
        for (const symbol of model.provided.get(provider) ?? []) {
          if (symbol.file === undefined || symbol.declarationNodes.length === 0) continue;
          const users = symbol.declarationNodes.flatMap((node) => usersOf(graph, node)).filter((user) => consumerFiles.has(graph.nodeFile[user]));
          if (users.some((user) => context.isProductionLive(user))) continue;
          const fakeUsers = symbol.declarationNodes.flatMap((node) => usersOf(graph, node, true)).filter((user) => consumerFiles.has(graph.nodeFile[user]));
          const testUsers = symbol.declarationNodes.flatMap((node) => usersOf(graph, node))
            .filter((user) => context.isLive(user) && graph.files[graph.nodeFile[user]].isTest && model.componentOfFile.get(graph.files[graph.nodeFile[user]].path) === consumer);
          const explanation: Explanation = users.length > 0
            ? { reason: 'only-referenced-by-dead-code', referrers: users.map((user) => graph.describe(user)).sort() }
            : testUsers.length > 0 ? { reason: 'only-referenced-by-tests', referrers: testUsers.map((user) => graph.describe(user)).sort() }
              : fakeUsers.length > 0 ? { reason: 'only-fake-references', referrers: fakeUsers.map((user) => graph.describe(user)).sort() }
                : { reason: 'unreferenced' };
          const declaration = graph.declarationOf(symbol.declarationNodes[0]);
          const file = graph.files[graph.nodeFile[symbol.declarationNodes[0]]];
          findings.push({
            file: file.path,
            line: declaration?.line ?? 1,
            column: declaration?.column ?? 1,
            symbol: symbol.name,
            kind: declaration?.kind ?? 'symbol',
            component: provider,
            consumer,
            reason: explanation.reason,
            ...(explanation.referrers !== undefined ? { referrers: explanation.referrers } : {}),
            message: `\`${symbol.name}\`, provided by ${provider}, is not used by live production code of ${consumer}, which consumes it: ${explanation.reason === 'unreferenced' ? `${consumer} never refers to it` : describeReason(explanation)}. Wire it into ${consumer}, or change the contract.`,
          });
        }
      }
    }
    return findings;
  },
};
