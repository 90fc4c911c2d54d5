import { createHash } from 'node:crypto';
import type { SymbolGraph } from '../graph/symbol-graph.js';
import { DeclarationFlag } from '../indexer/facts.js';
import type { RegistryDatabase } from './open-registry.js';
import { resolvedFiles } from '../resolve/resolved-files.js';
import { createBulkInsert } from './bulk-insert.js';

/**
 * Keeps the queryable symbol graph in the registry (symbols, symbol_references, module_edges)
 * in step with the analysis. Each file's outgoing links are hashed; only files whose facts
 * or links changed are rewritten, so an unchanged project writes nothing.
 */
export function storeSymbolGraph(registry: RegistryDatabase, graph: SymbolGraph): { rewritten: number } {
  const rows = registry.prepare('SELECT id, path, link_hash FROM files').all() as Array<{ id: number; path: string; link_hash: string | null }>;
  const idByPath = new Map(rows.map((row) => [row.path, row.id]));
  const storedHash = new Map(rows.map((row) => [row.path, row.link_hash]));

  // Each file's references as numbers, four per reference (from index, to file id, to index,
  // kind): a string per reference was most of the time of storing a large project's graph.
  const idOfFile = graph.files.map((file) => idByPath.get(file.path));
  const referencesByFile = new Map<number, number[]>();
  for (const reference of graph.symbolReferences) {
    const fromFile = graph.nodeFile[reference.from];
    const toId = idOfFile[graph.nodeFile[reference.to]];
    if (toId === undefined) continue;
    let list = referencesByFile.get(fromFile);
    if (list === undefined) referencesByFile.set(fromFile, (list = []));
    list.push(graph.nodeDeclaration[reference.from], toId, graph.nodeDeclaration[reference.to], REFERENCE_KINDS.indexOf(reference.kind));
  }

  // Rows go in 100 to a statement (see bulk-insert.ts); flushed before the transaction ends.
  const symbols = createBulkInsert(registry, 'symbols', ['file_id', 'local_index', 'name', 'kind', 'line', 'column', 'end_line', 'parent_index', 'exported', 'signature', 'body_hash']);
  const symbolReferences = createBulkInsert(registry, 'symbol_references', ['from_file_id', 'from_index', 'to_file_id', 'to_index', 'kind']);
  const moduleEdges = createBulkInsert(registry, 'module_edges', ['from_file_id', 'specifier', 'form', 'line', 'column', 'resolution', 'target']);
  const clear = ['symbols', 'symbol_references', 'module_edges'].map((table) =>
    registry.prepare(`DELETE FROM ${table} WHERE ${table === 'symbols' ? 'file_id' : 'from_file_id'} = ?`));
  const setHash = registry.prepare('UPDATE files SET link_hash = ? WHERE id = ?');

  let rewritten = 0;
  const write = registry.transaction(() => {
    for (const file of graph.files) {
      const fileId = idByPath.get(file.path);
      if (fileId === undefined) continue;
      const references = uniqueReferences(referencesByFile.get(file.index) ?? []);
      const edges = file.facts.imports.map((fact, index) => {
        const resolution = file.resolutions[index];
        const target = resolution.kind === 'asset' ? resolution.path
          : resolution.kind === 'external' ? resolution.packageName : resolvedFiles(resolution).join('\n') || null;
        return [fact.specifier, fact.form, fact.line, fact.column, resolution.kind, target] as const;
      });
      const linkHash = createHash('sha1').update(file.hash).update(new Uint8Array(references.buffer)).update(JSON.stringify(edges)).digest('hex');
      if (storedHash.get(file.path) === linkHash) continue;
      rewritten += 1;
      for (const statement of clear) statement.run(fileId);
      file.facts.declarations.forEach((declaration, index) => {
        symbols.add([fileId, index, declaration.name, declaration.kind, declaration.line, declaration.column, declaration.endLine,
          declaration.parent === -1 ? null : declaration.parent, (declaration.flags & DeclarationFlag.Exported) !== 0 ? 1 : 0,
          declaration.signature ?? null, declaration.bodyHash ?? null]);
      });
      for (let at = 0; at < references.length; at += 4) {
        symbolReferences.add([fileId, references[at], references[at + 1], references[at + 2], REFERENCE_KINDS[references[at + 3]]]);
      }
      for (const edge of edges) moduleEdges.add([fileId, ...edge]);
      setHash.run(linkHash, fileId);
    }
    for (const table of [symbols, symbolReferences, moduleEdges]) table.flush();
  });
  write.immediate();
  return { rewritten };
}

const REFERENCE_KINDS = ['value', 'type', 'fake'] as const;

/** The references (four numbers each), sorted and without repeats: the same set gives the same bytes. */
function uniqueReferences(flat: readonly number[]): Int32Array {
  const count = flat.length / 4;
  const order = Array.from({ length: count }, (_, index) => index * 4);
  order.sort((a, b) => flat[a] - flat[b] || flat[a + 1] - flat[b + 1] || flat[a + 2] - flat[b + 2] || flat[a + 3] - flat[b + 3]);
  const unique = new Int32Array(count * 4);
  let length = 0;
  for (const at of order) {
    if (length > 0 && flat[at] === unique[length - 4] && flat[at + 1] === unique[length - 3] && flat[at + 2] === unique[length - 2] && flat[at + 3] === unique[length - 1]) continue;
    for (let field = 0; field < 4; field += 1) unique[length + field] = flat[at + field];
    length += 4;
  }
  return unique.slice(0, length);
}
