import type { ComponentConfig } from '../config/config-schema.js';
import { parseRequirement, type Requirement } from '../config/requirement.js';
import { compileGlobs } from '../files/glob.js';
import type { LinkedGraph } from '../graph/build-graph.js';
import type { GraphFile } from '../graph/symbol-graph.js';

/** A symbol a component provides, found (or not yet) in its files. */
export interface ProvidedSymbol {
  component: string;
  name: string;
  /** Declared kind (`Name:kind`), checked against the real declaration. */
  kind?: string;
  /** The file that exports it, and the declaration nodes it resolves to; empty while pending. */
  file?: GraphFile;
  declarationNodes: number[];
  /** The actual kind of the first declaration. */
  actualKind?: string;
}

export interface ContractModel {
  components: Record<string, ComponentConfig>;
  /** Root-relative config file, where contract findings point. */
  configFile: string;
  configText: string;
  componentOfFile: Map<string, string>;
  filesOfComponent: Map<string, GraphFile[]>;
  provided: Map<string, ProvidedSymbol[]>;
}

/** Components by file: the first component (in config order) whose paths match. */
function assignComponents(paths: readonly string[], components: Record<string, ComponentConfig>): Map<string, string> {
  const matchers = Object.entries(components).map(([name, component]) => [name, compileGlobs(component.paths)] as const);
  const assigned = new Map<string, string>();
  for (const file of paths) {
    const match = matchers.find(([, matches]) => matches(file));
    if (match !== undefined) assigned.set(file, match[0]);
  }
  return assigned;
}

export function buildContractModel(
  linked: LinkedGraph,
  components: Record<string, ComponentConfig>,
  config: { file: string; text: string },
): ContractModel {
  const files = linked.graph.files;
  const componentOfFile = assignComponents(files.map((file) => file.path), components);
  const filesOfComponent = new Map<string, GraphFile[]>(Object.keys(components).map((name) => [name, []]));
  for (const file of files) {
    const component = componentOfFile.get(file.path);
    if (component !== undefined) filesOfComponent.get(component)?.push(file);
  }
  const provided = new Map<string, ProvidedSymbol[]>();
  for (const [name, component] of Object.entries(components)) {
    const own = (filesOfComponent.get(name) ?? []).filter((file) => !file.isTest);
    const index = indexFile(own);
    const declared = component.provides?.map((entry) => {
      const [symbol, kind] = entry.split(':');
      return { symbol, kind };
    }) ?? (index === undefined ? [] : [...linked.exports.exportedNames(index)].filter((symbol) => symbol !== 'default' && symbol !== 'export=').map((symbol) => ({ symbol, kind: undefined })));
    provided.set(name, declared.map(({ symbol, kind }) => locateSymbol(linked, name, symbol, kind, index, own)));
  }
  return { components, configFile: config.file, configText: config.text, componentOfFile, filesOfComponent, provided };
}

/** A component's index/entry file: the shallowest `index.*` among its files. */
function indexFile(files: readonly GraphFile[]): GraphFile | undefined {
  const indexes = files.filter((file) => /(?:^|\/)index\.[cm]?[jt]sx?$/.test(file.path));
  return indexes.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path))[0];
}

/** Where a provided name is exported: the index file first, else any file of the component. */
function locateSymbol(linked: LinkedGraph, component: string, name: string, kind: string | undefined, index: GraphFile | undefined, files: readonly GraphFile[]): ProvidedSymbol {
  const candidates = index !== undefined ? [index, ...files.filter((file) => file !== index)] : files;
  for (const file of candidates) {
    if (!linked.exports.exportedNames(file).has(name)) continue;
    const declarationNodes = linked.exports.terminals(file, name).flatMap((terminal) => terminal.kind === 'declaration'
      ? [linked.graph.files[terminal.file].firstDeclarationNode + terminal.declaration] : []);
    const actualKind = declarationNodes.length > 0 ? linked.graph.declarationOf(declarationNodes[0])?.kind : undefined;
    return { component, name, ...(kind !== undefined ? { kind } : {}), file, declarationNodes, ...(actualKind !== undefined ? { actualKind } : {}) };
  }
  return { component, name, ...(kind !== undefined ? { kind } : {}), declarationNodes: [] };
}

export type RequirementState = 'ok' | 'pending' | 'missing' | 'wrong-kind';

export interface RequirementStatus {
  /** The component that requires it. */
  component: string;
  requirement: Requirement;
  index: number;
  state: RequirementState;
  /** What is wrong (or pending), in words. */
  detail: string;
  /** The component expected to provide it. */
  provider?: string;
}

/**
 * Every `requires` entry and whether it holds now: `ok`, `pending` (the provider declares it
 * in `provides` but has not built it), `missing`, or `wrong-kind`.
 */
export function evaluateRequirements(model: ContractModel, linked: LinkedGraph, only?: string): RequirementStatus[] {
  const statuses: RequirementStatus[] = [];
  for (const [name, component] of Object.entries(model.components)) {
    if (only !== undefined && name !== only) continue;
    (component.requires ?? []).forEach((text, index) => {
      const requirement = parseRequirement(text) as Requirement;
      statuses.push({ component: name, requirement, index, ...evaluate(model, linked, requirement) });
    });
  }
  return statuses;
}

function evaluate(model: ContractModel, linked: LinkedGraph, requirement: Requirement): { state: RequirementState; detail: string; provider?: string } {
  if (requirement.path !== undefined) {
    const file = linked.graph.files.find((candidate) => candidate.path === requirement.path);
    if (file === undefined) return { state: 'missing', detail: `${requirement.path} does not exist` };
    const symbol = requirement.symbol as string;
    const declarations = file.declarationsByName.get(symbol) ?? [];
    if (declarations.length === 0 && !linked.exports.exportedNames(file).has(symbol)) {
      return { state: 'missing', detail: `${requirement.path} has no \`${symbol}\`` };
    }
    const actual = declarations.length > 0 ? file.facts.declarations[declarations[0]].kind : undefined;
    if (requirement.kind !== undefined && actual !== undefined && actual !== requirement.kind) {
      return { state: 'wrong-kind', detail: `\`${symbol}\` in ${requirement.path} is a ${actual}, not a ${requirement.kind}` };
    }
    return { state: 'ok', detail: `${requirement.path}#${symbol}` };
  }
  const provider = requirement.component as string;
  const files = model.filesOfComponent.get(provider) ?? [];
  if (requirement.symbol === undefined) {
    return files.length > 0
      ? { state: 'ok', detail: `component ${provider}`, provider }
      : { state: 'missing', detail: `component ${provider} has no files yet (paths ${model.components[provider].paths.join(', ')})`, provider };
  }
  const symbol = (model.provided.get(provider) ?? []).find((entry) => entry.name === requirement.symbol);
  if (symbol === undefined) {
    return { state: 'missing', detail: `component ${provider} does not provide \`${requirement.symbol}\``, provider };
  }
  if (symbol.file === undefined) {
    return { state: 'pending', detail: `\`${requirement.symbol}\` is declared in components.${provider}.provides but not built yet`, provider };
  }
  const expected = requirement.kind ?? symbol.kind;
  if (expected !== undefined && symbol.actualKind !== undefined && symbol.actualKind !== expected) {
    return { state: 'wrong-kind', detail: `\`${requirement.symbol}\` (${symbol.file.path}) is a ${symbol.actualKind}, not a ${expected}`, provider };
  }
  return { state: 'ok', detail: `${symbol.file.path}#${requirement.symbol}`, provider };
}

/** The 1-based line of the config file where a quoted string first appears (1 if not found). */
export function configLineOf(model: ContractModel, text: string): number {
  const lines = model.configText.split('\n');
  const index = lines.findIndex((line) => line.includes(`'${text}'`) || line.includes(`"${text}"`) || line.includes(`\`${text}\``));
  return index === -1 ? 1 : index + 1;
}
