import type { GraphFile } from '../graph/symbol-graph.js';
import { DeclarationFlag, type DeclarationFact } from '../indexer/facts.js';
import type { AnalysisContext } from './analysis-context.js';
import { type Explanation, explainDead } from './explain-dead.js';

export interface DeadNamespaceMember {
  file: GraphFile;
  member: DeclarationFact;
  /** `NS.member`. */
  symbol: string;
  exported: boolean;
  explanation: Explanation;
}

const cache = new WeakMap<AnalysisContext, DeadNamespaceMember[]>();

/**
 * Members of live TS namespaces that no live code reads (`NS.member`, or the bare name inside
 * the namespace). Exported members are judged like exports, the others like local code.
 */
export function deadNamespaceMembers(context: AnalysisContext): DeadNamespaceMember[] {
  const cached = cache.get(context);
  if (cached !== undefined) return cached;
  const found: DeadNamespaceMember[] = [];
  for (const file of context.files) {
    if (!context.isAnalysedFile(file) || context.hasPublicExports(file)) continue;
    const { declarations } = file.facts;
    declarations.forEach((member, index) => {
      if (member.parent < 0) return;
      const namespace = declarations[member.parent];
      if (namespace.kind !== 'namespace' || (namespace.flags & (DeclarationFlag.Ambient | DeclarationFlag.Public)) !== 0) return;
      if (!context.isLive(file.firstDeclarationNode + member.parent)) return;
      const node = file.firstDeclarationNode + index;
      if (context.isLive(node)) return;
      found.push({
        file,
        member,
        symbol: `${namespace.name}.${member.name}`,
        exported: (member.flags & DeclarationFlag.Exported) !== 0,
        explanation: explainDead(context.graph, node),
      });
    });
  }
  cache.set(context, found);
  return found;
}
