import type { ExportMeaning } from '../graph/build-graph.js';
import { NodeKind } from '../graph/symbol-graph.js';
import type { GraphFile } from '../graph/symbol-graph.js';
import { type DeclarationFact, DeclarationFlag, type ExportFact } from '../indexer/facts.js';
import type { AnalysisContext } from './analysis-context.js';
import { type Explanation, explainDead, usersOf } from './explain-dead.js';
import { explainUnusedImports, liveImportsOf } from './unread-imports.js';

const TYPE_KINDS = new Set(['type', 'interface', 'enum']);
const VALUE_ONLY_KINDS = new Set(['function', 'variable']);
const TYPE_ONLY_KINDS = new Set(['type', 'interface']);

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
 * it, and if not, why. A name that is both a value and a type (`const X` + `type X`) is
 * judged per meaning. Shared by unused-export, unused-type and test-only-export.
 */
export function analyseExports(context: AnalysisContext): ExportUsage[] {
  const cached = cache.get(context);
  if (cached !== undefined) return cached;
  const results: ExportUsage[] = [];
  for (const file of context.files) {
    // A component's exports (`prerender`, `getStaticPaths`, the component) are read by its framework.
    if (!context.isAnalysedFile(file) || context.hasPublicExports(file) || /\.(?:vue|svelte|astro|mdx?)$/.test(file.path)) continue;
    for (const [name, facts] of file.exportsByName) {
      if (name === 'export=') continue;
      for (const { fact, meaning } of meaningGroups(file, facts)) {
        if (facts.some((other) => other.public)) continue;
        const usage = analyseExport(context, file, fact, meaning);
        if (usage !== undefined) results.push(usage);
      }
    }
  }
  results.sort((a, b) => a.file.index - b.file.index || a.fact.line - b.fact.line || a.fact.column - b.fact.column);
  cache.set(context, results);
  return results;
}

/**
 * The facts of one exported name, split by meaning only when a value-only and a type-only
 * declaration share it; otherwise one group (merged declarations are one symbol).
 */
function meaningGroups(file: GraphFile, facts: ExportFact[]): Array<{ fact: ExportFact; meaning: ExportMeaning }> {
  const kindOf = (fact: ExportFact) => (fact.declaration !== undefined ? file.facts.declarations[fact.declaration].kind : undefined);
  const valueFact = facts.find((fact) => VALUE_ONLY_KINDS.has(kindOf(fact) ?? ''));
  const typeFact = facts.find((fact) => TYPE_ONLY_KINDS.has(kindOf(fact) ?? ''));
  if (valueFact !== undefined && typeFact !== undefined && facts.length === 2) {
    return [{ fact: valueFact, meaning: 'value' }, { fact: typeFact, meaning: 'type' }];
  }
  return [{ fact: facts[0], meaning: 'any' }];
}

function analyseExport(context: AnalysisContext, file: GraphFile, fact: ExportFact, meaning: ExportMeaning): ExportUsage | undefined {
  const { graph, linked } = context;
  // A re-export (`export { x } from`, or an import exported again) is not reported on its own:
  // the finding belongs to the declaration it forwards, wherever that is.
  const isLocal = fact.declaration !== undefined || (fact.local !== undefined && file.declarationsByName.has(fact.local));
  if (!isLocal) return undefined;
  const declarationIndexes = fact.declaration !== undefined ? [fact.declaration] : file.declarationsByName.get(fact.local ?? '') ?? [];
  const ownNodes = declarationIndexes.map((index) => file.firstDeclarationNode + index);
  const firstDeclaration = file.facts.declarations[declarationIndexes[0]];
  const kind = firstDeclaration?.kind ?? 'variable';
  const isType = TYPE_KINDS.has(kind);
  const base = { file, fact, kind, isType };
  // `@internal`: exported for the project's tests and tooling, which --production leaves out.
  const isInternal = declarationIndexes.some((index) => (file.facts.declarations[index].flags & DeclarationFlag.Internal) !== 0);
  if (isInternal && context.options.production) return undefined;
  // A live custom element's class is used by its tag (markup, other bundles): its export is API.
  const isCustomElement = declarationIndexes.some((index) => (file.facts.declarations[index].flags & DeclarationFlag.CustomElement) !== 0);
  if (isCustomElement && ownNodes.some((node) => context.isLive(node))) return undefined;
  const exportNodes = linked.existingExportNodes(file, fact.name)
    .filter((entry) => meaning === 'any' || entry.meaning === 'any' || entry.meaning === meaning)
    .map((entry) => entry.node);

  if (exportNodes.some((node) => context.isLive(node))) {
    if (exportNodes.some((node) => context.isProductionLive(node)) || context.options.production) return undefined;
    // The export is not production-live, so production code reaching the declaration is in its
    // file: the function is live and stays; that only its `export` serves tests is no finding.
    if (isInternal || ownNodes.some((node) => context.isProductionLive(node))) return undefined;
    if (hasDeadProductionUser(context, [...exportNodes, ...ownNodes])) return undefined;
    const users = new Set(exportNodes.flatMap((node) => usersOf(graph, node)).filter((user) => context.isLive(user)));
    return { ...base, testOnlyUsers: [...users].map((user) => graph.describe(user)).sort() };
  }
  if (ownNodes.some((node) => isInExportedSignature(context, file, node))) return undefined;
  if (ownNodes.some((node) => context.isLive(node))) {
    const usedHere = ownNodes.some((node) => usersOf(graph, node).some((user) => context.isLive(user)
      && graph.nodeFile[user] === file.index && graph.nodeKind[user] !== NodeKind.WholeModule));
    if (usedHere) return { ...base, unused: { reason: 'only-referenced-in-own-file' } };
    return { ...base, unused: withUnusedImports(context, file, fact.name, meaning, exportNodes.length > 0 ? explainDead(graph, exportNodes[0]) : { reason: 'unreferenced' }) };
  }
  return { ...base, unused: withUnusedImports(context, file, fact.name, meaning, ownNodes.length > 0 ? explainDead(graph, ownNodes[0]) : { reason: 'unreferenced' }) };
}

/**
 * "Nothing refers to it" is not said of an export a live file imports without using it. Not for
 * one meaning of a name that is both a value and a type: the import may serve the other one.
 */
function withUnusedImports(context: AnalysisContext, file: GraphFile, name: string, meaning: ExportMeaning, explanation: Explanation): Explanation {
  if (explanation.reason !== 'unreferenced' || meaning !== 'any') return explanation;
  return explainUnusedImports(liveImportsOf(context, file, name)) ?? explanation;
}

/**
 * Whether production code that is dead itself uses the nodes, directly or through production
 * code that only tests reach. That code is reported on its own (unused-file, dead-code), and
 * often it is live through an entry orch-guard does not know: until that is settled the export
 * has a production user, so calling it test-only (and advising its deletion) would be wrong.
 */
function hasDeadProductionUser(context: AnalysisContext, nodes: number[]): boolean {
  const { graph } = context;
  const seen = new Set<number>(nodes);
  const pending = [...nodes];
  while (pending.length > 0) {
    for (const user of usersOf(graph, pending.pop() as number)) {
      if (seen.has(user) || graph.files[graph.nodeFile[user]].isTest) continue;
      if (!context.isLive(user)) return true;
      seen.add(user);
      pending.push(user);
    }
  }
  return false;
}

/**
 * A type named by an export that other modules use is part of that export's signature:
 * importers see it, and declaration emit needs it exported (TS4023), so it counts as used.
 * So is a class or a function named as a type there (`(): Connection`, `typeof handler`).
 */
function isInExportedSignature(context: AnalysisContext, file: GraphFile, typeNode: number): boolean {
  const { graph, linked } = context;
  const exported = context.exportsOfDeclarations(file);
  const seen = new Set<number>([typeNode]);
  const pending = [typeNode];
  while (pending.length > 0) {
    const node = pending.pop() as number;
    for (const found of usersOf(graph, node)) {
      if (graph.nodeFile[found] !== file.index || graph.nodeKind[found] !== NodeKind.Declaration) continue;
      // A type named only inside a function's body is not part of its signature.
      if (graph.isBodyOnlyUse(found, node)) continue;
      // A value (a class, a function) is in a signature only when named as a type there:
      // `(): Connection`, `fn: typeof handler`; calling or constructing it is no signature.
      // Only a value's signature needs it: a type alias (`type Preset = (typeof PRESETS)[number]`)
      // is emitted with the value inlined.
      if (node === typeNode && !TYPE_KINDS.has(graph.declarationOf(node)?.kind ?? '')
        && (!graph.isTypeSignatureUse(found, node) || TYPE_KINDS.has(graph.declarationOf(found)?.kind ?? ''))) continue;
      // A member's signature is its class's (or namespace's) signature.
      const parent = graph.declarationOf(found)?.parent ?? -1;
      const user = parent >= 0 ? file.firstDeclarationNode + parent : found;
      if (seen.has(user)) continue;
      seen.add(user);
      const facts = exported.get(graph.nodeDeclaration[user]) ?? [];
      if (facts.some((other) => linked.existingExportNodes(file, other.name).some(({ node: exportNode }) => context.isLive(exportNode)))) {
        return true;
      }
      // An exported, live custom element is API used by its tag: its signature is too.
      if (facts.length > 0 && context.isLive(user) && ((graph.declarationOf(user)?.flags ?? 0) & DeclarationFlag.CustomElement) !== 0) return true;
      // Only types pass a type on into a signature, and values whose type is inferred from it
      // (`const load = () => [] as X[]`: callers with inferred types carry it on); a variable
      // annotated with it does not.
      if (TYPE_KINDS.has(graph.declarationOf(user)?.kind ?? '') || graph.declarationOf(user)?.kind === 'class'
        || (user === found && hasInferredType(graph.declarationOf(user)))) pending.push(user);
    }
  }
  return false;
}

/**
 * A function or variable whose type TypeScript infers (no return or type annotation in its
 * signature text): declaration emit writes what it infers, which can name types its body uses.
 * A signature too long to be kept whole counts as inferred (the side that keeps the type).
 */
function hasInferredType(declaration: DeclarationFact | undefined): boolean {
  if (declaration === undefined || declaration.signature === undefined) return false;
  const { kind, signature } = declaration;
  if (kind === 'variable') return !/^[\w$]+\s*:/.test(signature) && !/\)\s*:[^()]*=>$/.test(signature);
  if (kind === 'function' || kind === 'method') return !/\)\s*:[^()]*$/.test(signature);
  return false;
}
