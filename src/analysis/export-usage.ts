import { NodeKind } from '../graph/symbol-graph.js';
import type { GraphFile } from '../graph/symbol-graph.js';
import type { ExportFact } from '../indexer/facts.js';
import type { AnalysisContext } from './analysis-context.js';
import { type Explanation, explainDead, usersOf } from './explain-dead.js';

const TYPE_KINDS = new Set(['type', 'interface', 'enum']);

interface ExportUsage {
  file: GraphFile;
  fact: ExportFact;
  /** Kind of what the export names: a declaration kind, `namespace` or `reexport`. */
  kind: string;
  isType: boolean;
  /** Unused by other modules (unused-export / unused-type). */
  unused?: Explanation;
  /** Used by other modules, but only from tests (test-only-export). */
  testOnlyUsers?: string[];
}

const cache = new WeakMap<AnalysisContext, ExportUsage[]>();

/**
 * For every export of every live, non-public file: whether another module's live code uses
 * it, and if not, why. Shared by unused-export, unused-type and test-only-export.
 */
export function analyseExports(context: AnalysisContext): ExportUsage[] {
  const cached = cache.get(context);
  if (cached !== undefined) return cached;
  const results: ExportUsage[] = [];
  for (const file of context.files) {
    if (!context.isAnalysedFile(file) || context.hasPublicExports(file)) continue;
    const seen = new Set<string>();
    for (const fact of file.facts.exports) {
      if (seen.has(fact.name) || fact.name === 'export=') continue;
      seen.add(fact.name);
      if (fact.public) continue;
      const usage = analyseExport(context, file, fact);
      if (usage !== undefined) results.push(usage);
    }
  }
  cache.set(context, results);
  return results;
}

function analyseExport(context: AnalysisContext, file: GraphFile, fact: ExportFact): ExportUsage | undefined {
  const { graph, linked } = context;
  const terminals = linked.exports.terminals(file, fact.name);
  const declarationNodes = terminals.flatMap((terminal) => terminal.kind === 'declaration'
    ? [graph.files[terminal.file].firstDeclarationNode + terminal.declaration] : []);
  const firstDeclaration = declarationNodes.length > 0 ? graph.declarationOf(declarationNodes[0]) : undefined;
  const kind = firstDeclaration?.kind ?? (terminals.some((terminal) => terminal.kind === 'namespace') ? 'namespace' : 'reexport');
  const isType = TYPE_KINDS.has(kind) || (kind === 'reexport' && fact.typeOnly);
  const base = { file, fact, kind, isType };
  const exportNode = linked.existingExportNode(file, fact.name);

  if (exportNode !== undefined && context.isLive(exportNode)) {
    if (context.isProductionLive(exportNode) || context.options.production) return undefined;
    const testUsers = usersOf(graph, exportNode).filter((user) => context.isLive(user));
    return { ...base, testOnlyUsers: testUsers.map((user) => graph.describe(user)).sort() };
  }

  const isLocal = fact.declaration !== undefined || (fact.local !== undefined && file.declarationsByName.has(fact.local));
  if (!isLocal) {
    // A re-export. When what it names is dead, the declaration's own finding says so.
    if (declarationNodes.length > 0 && declarationNodes.every((node) => !context.isLive(node))) return undefined;
    return { ...base, unused: exportNode !== undefined ? explainDead(graph, exportNode) : { reason: 'unreferenced' } };
  }
  const ownNodes = declarationNodes.filter((node) => graph.nodeFile[node] === file.index);
  if (isType && ownNodes.some((node) => isInExportedSignature(context, file, node))) return undefined;
  if (ownNodes.some((node) => context.isLive(node))) {
    const usedHere = ownNodes.some((node) => usersOf(graph, node).some((user) => context.isLive(user)
      && graph.nodeFile[user] === file.index && graph.nodeKind[user] !== NodeKind.WholeModule));
    if (usedHere) return { ...base, unused: { reason: 'only-referenced-in-own-file' } };
    return { ...base, unused: exportNode !== undefined ? explainDead(graph, exportNode) : { reason: 'unreferenced' } };
  }
  const deadNode = ownNodes[0] ?? declarationNodes[0];
  return { ...base, unused: deadNode !== undefined ? explainDead(graph, deadNode) : { reason: 'unreferenced' } };
}

/**
 * A type named by an export that other modules use is part of that export's signature:
 * importers see it, and declaration emit needs it exported (TS4023), so it counts as used.
 */
function isInExportedSignature(context: AnalysisContext, file: GraphFile, typeNode: number): boolean {
  const { graph, linked } = context;
  const exported = context.exportsOfDeclarations(file);
  const seen = new Set<number>([typeNode]);
  const pending = [typeNode];
  while (pending.length > 0) {
    const node = pending.pop() as number;
    for (const user of usersOf(graph, node)) {
      if (seen.has(user) || graph.nodeFile[user] !== file.index || graph.nodeKind[user] !== NodeKind.Declaration) continue;
      seen.add(user);
      const facts = exported.get(graph.nodeDeclaration[user]) ?? [];
      if (facts.some((fact) => {
        const exportNode = linked.existingExportNode(file, fact.name);
        return exportNode !== undefined && context.isLive(exportNode);
      })) return true;
      // Only types pass a type on into a signature; a variable annotated with it does not.
      if (TYPE_KINDS.has(graph.declarationOf(user)?.kind ?? '')) pending.push(user);
    }
  }
  return false;
}
