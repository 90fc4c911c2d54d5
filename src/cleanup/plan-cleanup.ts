import type { Finding } from '../rule-engine/finding.js';
import type { AnalysisContext } from '../rule-engine/analysis-context.js';
import { compileGlobs } from '../files/glob.js';
import { DeclarationFlag } from '../indexer/facts.js';

export type CleanupAction =
  | 'delete-file'
  | 'remove-declaration'
  | 'remove-export'
  | 'remove-enum-member'
  | 'remove-reexport'
  | 'remove-module-reference';

/**
 * One removal, named rather than positioned (file + declaration or export name), so any
 * subset of items can be applied to the original files: that is what lets cleanup iterate to
 * a fixpoint and bisect over clusters.
 */
export interface CleanupItem {
  action: CleanupAction;
  file: string;
  /** Declaration name (`E.M` for enum members), export name, or the file path. */
  name: string;
  rule: string;
  kind: string | null;
  line: number;
  component?: string;
  /** Dead code that refers to this, from the finding: items it clusters with. */
  referrers: string[];
}

export interface CleanupScope {
  rules?: string[];
  files?: string[];
  components?: string[];
}

export interface KeptItem {
  item: CleanupItem;
  reason: string;
}

export function itemKey(item: Pick<CleanupItem, 'action' | 'file' | 'name'>): string {
  return `${item.action}\0${item.file}\0${item.name}`;
}

/**
 * The removals the findings call for: unused files deleted, dead declarations removed
 * (exported or not), `export` dropped where only the own file uses a symbol, unused enum
 * members removed. Declarations whose initializer runs code at load, destructured bindings
 * and baselined findings are kept, with the reason.
 */
export function planCleanup(context: AnalysisContext, findings: readonly Finding[], scope: CleanupScope): { items: CleanupItem[]; kept: KeptItem[] } {
  const inFiles = scope.files !== undefined ? compileGlobs(scope.files) : () => true;
  const items: CleanupItem[] = [];
  const kept: KeptItem[] = [];
  for (const finding of findings) {
    if (finding.baselined === true) continue;
    if (scope.rules !== undefined && !scope.rules.includes(finding.rule)) continue;
    if (!inFiles(finding.file)) continue;
    if (scope.components !== undefined && (finding.component === undefined || !scope.components.includes(finding.component))) continue;
    const item = itemFor(context, finding);
    if (item === undefined) continue;
    const reason = finding.confidence === 'low'
      ? `low confidence: ${finding.uncertainty ?? 'the analysis could not be sure'}`
      : keepReason(context, item);
    if (reason !== undefined) kept.push({ item, reason });
    else items.push(item);
  }
  return { items, kept };
}

function itemFor(context: AnalysisContext, finding: Finding): CleanupItem | undefined {
  const base = {
    file: finding.file,
    rule: finding.rule,
    kind: finding.kind,
    line: finding.line,
    ...(finding.component !== undefined ? { component: finding.component } : {}),
    referrers: finding.referrers ?? [],
  };
  switch (finding.rule) {
    case 'unused-file':
      return { ...base, action: 'delete-file', name: finding.file };
    case 'dead-code':
      return finding.symbol === null ? undefined : { ...base, action: 'remove-declaration', name: finding.symbol };
    case 'unused-enum-member':
      return finding.symbol === null ? undefined : { ...base, action: 'remove-enum-member', name: finding.symbol };
    case 'unused-export':
    case 'unused-type': {
      if (finding.symbol === null) return undefined;
      if (finding.reason === 'only-referenced-in-own-file') return { ...base, action: 'remove-export', name: finding.symbol };
      const declaration = declarationNameOfExport(context, finding.file, finding.symbol);
      return declaration === undefined ? undefined : { ...base, action: 'remove-declaration', name: declaration };
    }
    default:
      return undefined;
  }
}

/** `export { a as b }`: the export `b` is the declaration `a`; `export default function f`: `f`. */
function declarationNameOfExport(context: AnalysisContext, file: string, exportName: string): string | undefined {
  const graphFile = context.fileByPath(file);
  const fact = graphFile?.exportsByName.get(exportName)?.[0];
  if (graphFile === undefined || fact === undefined) return undefined;
  if (fact.declaration !== undefined) return graphFile.facts.declarations[fact.declaration].name;
  return fact.local;
}

function keepReason(context: AnalysisContext, item: CleanupItem): string | undefined {
  if (item.action !== 'remove-declaration') return undefined;
  const file = context.fileByPath(item.file);
  const indexes = file?.declarationsByName.get(item.name) ?? (item.name === 'default' ? defaultDeclarations(file) : []);
  for (const index of indexes) {
    const declaration = file?.facts.declarations[index];
    if (declaration === undefined) continue;
    if ((declaration.flags & DeclarationFlag.LoadTimeEffects) !== 0) {
      return 'its initializer runs code when the module loads; removing it would drop that effect';
    }
  }
  return undefined;
}

function defaultDeclarations(file: ReturnType<AnalysisContext['fileByPath']>): number[] {
  const indexes: number[] = [];
  file?.facts.declarations.forEach((declaration, index) => {
    if (declaration.name === 'default' && declaration.parent === -1) indexes.push(index);
  });
  return indexes;
}
