import { createHash } from 'node:crypto';
import type { SymbolGraph } from '../graph/symbol-graph.js';
import { DeclarationFlag } from '../indexer/facts.js';
import type { RegistryDatabase } from './open-registry.js';
import { resolvedFiles } from '../resolve/resolved-files.js';

/**
 * Keeps the queryable symbol graph in the registry (symbols, symbol_references, module_edges)
 * in step with the analysis. Each file's outgoing links are hashed; only files whose facts
 * or links changed are rewritten, so an unchanged project writes nothing.
 */
export function storeSymbolGraph(registry: RegistryDatabase, graph: SymbolGraph): { rewritten: number } {
  const rows = registry.prepare('SELECT id, path, link_hash FROM files').all() as Array<{ id: number; path: string; link_hash: string | null }>;
  const idByPath = new Map(rows.map((row) => [row.path, row.id]));
  const storedHash = new Map(rows.map((row) => [row.path, row.link_hash]));

  const referencesByFile = new Map<number, string[]>();
  for (const reference of graph.symbolReferences) {
    const fromFile = graph.nodeFile[reference.from];
    const toFile = graph.files[graph.nodeFile[reference.to]];
    const toId = idByPath.get(toFile.path);
    if (toId === undefined) continue;
    const row = `${graph.nodeDeclaration[reference.from]}|${toId}|${graph.nodeDeclaration[reference.to]}|${reference.kind}`;
    let list = referencesByFile.get(fromFile);
    if (list === undefined) referencesByFile.set(fromFile, (list = []));
    list.push(row);
  }

  const insertSymbol = registry.prepare(`INSERT INTO symbols (file_id, local_index, name, kind, line, column, end_line, parent_index, exported, signature, body_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReference = registry.prepare('INSERT INTO symbol_references (from_file_id, from_index, to_file_id, to_index, kind) VALUES (?, ?, ?, ?, ?)');
  const insertEdge = registry.prepare('INSERT INTO module_edges (from_file_id, specifier, form, line, column, resolution, target) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const clear = ['symbols', 'symbol_references', 'module_edges'].map((table) =>
    registry.prepare(`DELETE FROM ${table} WHERE ${table === 'symbols' ? 'file_id' : 'from_file_id'} = ?`));
  const setHash = registry.prepare('UPDATE files SET link_hash = ? WHERE id = ?');

  let rewritten = 0;
  const write = registry.transaction(() => {
    for (const file of graph.files) {
      const fileId = idByPath.get(file.path);
      if (fileId === undefined) continue;
      const references = [...new Set(referencesByFile.get(file.index) ?? [])].sort();
      const edges = file.facts.imports.map((fact, index) => {
        const resolution = file.resolutions[index];
        const target = resolution.kind === 'asset' ? resolution.path
          : resolution.kind === 'external' ? resolution.packageName : resolvedFiles(resolution).join('\n') || null;
        return [fact.specifier, fact.form, fact.line, fact.column, resolution.kind, target] as const;
      });
      const linkHash = createHash('sha1').update(file.hash).update(JSON.stringify([references, edges])).digest('hex');
      if (storedHash.get(file.path) === linkHash) continue;
      rewritten += 1;
      for (const statement of clear) statement.run(fileId);
      file.facts.declarations.forEach((declaration, index) => {
        insertSymbol.run(fileId, index, declaration.name, declaration.kind, declaration.line, declaration.column, declaration.endLine,
          declaration.parent === -1 ? null : declaration.parent, (declaration.flags & DeclarationFlag.Exported) !== 0 ? 1 : 0,
          declaration.signature ?? null, declaration.bodyHash ?? null);
      });
      for (const row of references) {
        const [fromIndex, toId, toIndex, kind] = row.split('|');
        insertReference.run(fileId, Number(fromIndex), Number(toId), Number(toIndex), kind);
      }
      for (const edge of edges) insertEdge.run(fileId, ...edge);
      setHash.run(linkHash, fileId);
    }
  });
  write.immediate();
  return { rewritten };
}
