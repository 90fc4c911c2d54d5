import { rmSync } from 'node:fs';
import type { FactsCache } from '../../src/indexer/facts-cache.js';
import { indexProject } from '../../src/indexer/index-project.js';
import { buildSymbolGraph, type LinkedGraph } from '../../src/graph/build-graph.js';
import { createGraphFiles } from '../../src/graph/graph-files.js';
import { computeLiveness, type Liveness } from '../../src/graph/reachability.js';
import { collectRoots } from '../../src/graph/roots.js';
import { loadProject } from '../../src/project/load-project.js';
import { writeTempProject } from './temp-project.js';

/** A facts cache that keeps nothing: every file is parsed (what a cold run does). */
const noCache: FactsCache = {
  fileRows: () => new Map(),
  factsOfFiles: () => new Map(),
  saveFiles: () => {},
  factsOfBlobs: () => new Map(),
  saveBlobFacts: () => {},
};

export interface LinkedSources {
  linked: LinkedGraph;
  liveness: Liveness;
  /** Whether the top-level declaration `name` of `file` is live (tests included). */
  isLive(file: string, name: string): boolean;
  /** Whether it is live from production entries alone. */
  isProductionLive(file: string, name: string): boolean;
}

/**
 * Index → link → reach for a small project written from strings, without a registry: the stages
 * of the analysis up to liveness, for unit tests of the graph.
 */
export async function linkSources(files: Record<string, string>, options: { includeEntryExports?: boolean } = {}): Promise<LinkedSources> {
  const root = writeTempProject(files);
  try {
    const notices: string[] = [];
    const project = await loadProject({ root, production: false, notices });
    const indexed = await indexProject({ root, files: project.files, cache: noCache, useCache: false, maxFileSize: 1 << 20, notices });
    const linked = buildSymbolGraph(createGraphFiles(indexed.files, project.resolver, { entries: project.entries, tests: project.tests }));
    const roots = collectRoots(linked, { includeEntryExports: options.includeEntryExports ?? false });
    const liveness = computeLiveness(linked.graph, roots.production, roots.test);
    const nodeOf = (path: string, name: string): number => {
      const file = linked.graph.files.find((candidate) => candidate.path === path);
      const index = file?.declarationsByName.get(name)?.[0];
      if (file === undefined || index === undefined) throw new Error(`no declaration ${name} in ${path}`);
      return file.firstDeclarationNode + index;
    };
    return {
      linked,
      liveness,
      isLive: (path, name) => liveness.live[nodeOf(path, name)] === 1,
      isProductionLive: (path, name) => liveness.productionLive[nodeOf(path, name)] === 1,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
