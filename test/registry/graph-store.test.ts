import { describe, expect, test } from 'vitest';
import { openRegistry, IN_MEMORY_REGISTRY } from '../../src/registry/open-registry.js';
import { storeSymbolGraph } from '../../src/registry/graph-store.js';
import { linkSources } from '../support/link-sources.js';

const sources = {
  'package.json': '{ "name": "p", "main": "src/index.ts" }',
  'src/index.ts': "import { a, A } from './a';\nimport * as b from './b';\nexport const main = (x: A) => a + a + b.b + b.b + x.n;\n",
  'src/a.ts': 'export const a = 1;\nexport interface A { n: number }\n',
  'src/b.ts': "import { a } from './a';\nexport const b = a;\nconst unused = () => b;\n",
};

describe('storeSymbolGraph: the queryable graph in the registry', () => {
  test('each distinct reference once, as the linker recorded it; an unchanged graph rewrites nothing', async () => {
    const { linked } = await linkSources(sources);
    const { graph } = linked;
    const registry = openRegistry(IN_MEMORY_REGISTRY, []);
    try {
      const insertFile = registry.prepare("INSERT INTO files (path, hash, size, mtime_ms, facts_version, facts) VALUES (?, ?, 0, 0, 0, '{}')");
      for (const file of graph.files) insertFile.run(file.path, file.hash);
      // A reference recorded twice (the linker records one per way a use reaches a declaration) is stored once.
      graph.symbolReferences.push({ ...graph.symbolReferences[0] });
      expect(storeSymbolGraph(registry, graph)).toEqual({ rewritten: graph.files.length });
      const stored = registry.prepare(`SELECT f.path AS fromPath, r.from_index AS fromIndex, t.path AS toPath, r.to_index AS toIndex, r.kind
        FROM symbol_references r JOIN files f ON f.id = r.from_file_id JOIN files t ON t.id = r.to_file_id`).all();
      const expected = new Set(graph.symbolReferences.map((reference) => JSON.stringify({
        fromPath: graph.files[graph.nodeFile[reference.from]].path, fromIndex: graph.nodeDeclaration[reference.from],
        toPath: graph.files[graph.nodeFile[reference.to]].path, toIndex: graph.nodeDeclaration[reference.to], kind: reference.kind,
      })));
      expect(stored).toHaveLength(expected.size);
      expect(stored.map((row) => JSON.stringify(row)).sort()).toEqual([...expected].sort());
      expect(stored).toContainEqual({ fromPath: 'src/index.ts', fromIndex: 0, toPath: 'src/a.ts', toIndex: 1, kind: 'type' });
      expect(storeSymbolGraph(registry, graph)).toEqual({ rewritten: 0 });
    } finally {
      registry.close();
    }
  });
});
