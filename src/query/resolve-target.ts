import { UsageError } from '../errors.js';
import type { QueryFile, QueryView } from './query-view.js';

/** What a query is about: declarations (merged ones share a name), or a whole file. */
export type QueryTarget =
  | { kind: 'symbol'; label: string; file: QueryFile; nodes: number[] }
  | { kind: 'file'; label: string; file: QueryFile };

/**
 * Resolves `path#Name`, `path#Enum.Member`, a bare `Name`, or a file path. A bare name that
 * several declarations share is ambiguous: the error lists them as `path#Name` to pick from.
 */
export function resolveTarget(context: QueryView, address: string, command: string): QueryTarget {
  const hash = address.lastIndexOf('#');
  if (hash === -1) {
    const file = findFile(context, address);
    if (file !== undefined) return { kind: 'file', label: file.path, file };
  }
  const filePart = hash === -1 ? undefined : address.slice(0, hash);
  const name = hash === -1 ? address : address.slice(hash + 1);
  const files = filePart === undefined ? context.files : [findFile(context, filePart)].filter((file): file is QueryFile => file !== undefined);
  if (filePart !== undefined && files.length === 0) throw new UsageError(`${command} ${address}: no project file ${filePart}`);
  const candidates: Array<{ file: QueryFile; nodes: number[] }> = [];
  for (const file of files) {
    const nodes = declarationsNamed(file, name).map((index) => file.firstDeclarationNode + index);
    if (nodes.length > 0) candidates.push({ file, nodes });
  }
  if (candidates.length === 0) throw new UsageError(`${command} ${address}: no such symbol${filePart === undefined ? ' or file' : ` in ${filePart}`}`);
  if (candidates.length > 1) {
    const listed = candidates.map(({ file, nodes }) => {
      const declaration = context.graph.declarationOf(nodes[0]);
      return `${file.path}#${name} (${declaration?.kind}, line ${declaration?.line})`;
    });
    throw new UsageError(`${command} ${address}: ambiguous, ${candidates.length} symbols have that name: ${listed.join('; ')}`);
  }
  const [{ file, nodes }] = candidates;
  return { kind: 'symbol', label: `${file.path}#${name}`, file, nodes };
}

/** Top-level declarations named `name`, or `Parent.member` for enum and class members. */
function declarationsNamed(file: QueryFile, name: string): readonly number[] {
  const dot = name.indexOf('.');
  if (dot === -1) return file.declarationsByName.get(name) ?? [];
  const [parentName, memberName] = [name.slice(0, dot), name.slice(dot + 1)];
  const parents = new Set(file.declarationsByName.get(parentName) ?? []);
  const members: number[] = [];
  file.facts.declarations.forEach((declaration, index) => {
    if (parents.has(declaration.parent) && declaration.name === memberName) members.push(index);
  });
  return members;
}

function findFile(context: QueryView, path: string): QueryFile | undefined {
  const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return context.fileByPath(normalized);
}
